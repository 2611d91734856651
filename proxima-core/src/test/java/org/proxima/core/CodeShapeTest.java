package org.proxima.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape of the core's code, checked on its sources: no class file over 400 lines, no method over 60 lines, and
 * no cycle between its packages (a package's imports of another core package form the graph).
 */
class CodeShapeTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final int MAX_FILE_LINES = 400;
    private static final int MAX_METHOD_LINES = 60;

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The text with comments, strings and character literals blanked (newlines kept). */
    static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                blank(text, i, end, out);
                i = end;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? text.length() : end + 3;
                blank(text, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                blank(text, i, Math.min(text.length(), j + 1), out);
                i = j + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String text, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(text.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    /** Lengths in lines of every method and constructor body, with the line it starts on. */
    static Map<Integer, Integer> methodLengths(String code) {
        Map<Integer, Integer> out = new HashMap<>();
        Deque<int[]> open = new ArrayDeque<>(); // {kind: 0 block, 1 type, 2 method; start line}
        StringBuilder head = new StringBuilder();
        int line = 1;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
                head.append(' ');
            } else if (c == '{') {
                String h = head.toString().trim();
                int kind = 0;
                if (h.matches(".*\\b(class|interface|enum|record)\\b.*")) {
                    kind = 1;
                } else if (!open.isEmpty() && open.peek()[0] == 1 && h.contains("(")
                        && !h.matches("^(if|for|while|switch|try|catch|else|do|synchronized)\\b.*")
                        && !h.substring(0, h.indexOf('(')).contains("=")) {
                    kind = 2;
                }
                open.push(new int[] {kind, line});
                head.setLength(0);
            } else if (c == '}') {
                int[] block = open.pop();
                if (block[0] == 2) {
                    out.put(block[1], line - block[1] + 1);
                }
                head.setLength(0);
            } else if (c == ';') {
                head.setLength(0);
            } else {
                head.append(c);
            }
        }
        return out;
    }

    @Test
    void noFileOver400LinesAndNoMethodOver60() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path p : sources()) {
            String text = Files.readString(p);
            long lines = text.lines().count();
            if (lines > MAX_FILE_LINES) {
                problems.add(p + ": " + lines + " lines");
            }
            methodLengths(code(text)).forEach((start, length) -> {
                if (length > MAX_METHOD_LINES) {
                    problems.add(p + ":" + start + ": a method of " + length + " lines");
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theCheckerSeesLongMethodsAndIgnoresBracesInStrings() {
        StringBuilder b = new StringBuilder("class A {\n    void m() {\n");
        for (int k = 0; k < 70; k++) {
            b.append("        String s = \"{\" + '}' + \"\\\"}\"; // }\n");
        }
        b.append("    }\n}\n");
        assertTrue(methodLengths(code(b.toString())).containsValue(72), methodLengths(code(b.toString())).toString());
    }

    @Test
    void noCycleBetweenCorePackages() throws IOException {
        Pattern pkg = Pattern.compile("^package org\\.proxima\\.core\\.?([\\w.]*);", Pattern.MULTILINE);
        Pattern imp = Pattern.compile("org\\.proxima\\.core\\.([a-z]+)\\.[A-Z]");
        Map<String, Set<String>> uses = new HashMap<>();
        for (Path p : sources()) {
            String text = Files.readString(p);
            Matcher m = pkg.matcher(text);
            if (!m.find()) {
                continue;
            }
            String from = m.group(1);
            Matcher u = imp.matcher(code(text).replaceAll("\\s+", " ") + " " + imports(text));
            while (u.find()) {
                if (!u.group(1).equals(from)) {
                    uses.computeIfAbsent(from, k -> new HashSet<>()).add(u.group(1));
                }
            }
        }
        List<String> cycle = cycle(uses);
        assertTrue(cycle.isEmpty(), "package cycle: " + String.join(" → ", cycle));
        assertTrue(uses.getOrDefault("blend", Set.of()).contains("checkpoint"), "the graph was read: " + uses);
    }

    @Test
    void theCycleFinderFindsACycle() {
        assertTrue(cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of())).isEmpty());
        assertTrue(cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))).size() == 4);
    }

    /** A cycle in a dependency graph, as a path that ends where it starts, or empty. */
    static List<String> cycle(Map<String, Set<String>> uses) {
        for (String start : uses.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            Set<String> seen = new HashSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(next);
                    if (next.equals(start)) {
                        return longer;
                    }
                    if (seen.add(next)) {
                        paths.push(longer);
                    }
                }
            }
        }
        return List.of();
    }

    private static String imports(String text) {
        StringBuilder b = new StringBuilder();
        text.lines().filter(l -> l.startsWith("import ")).forEach(l -> b.append(l).append(' '));
        return b.toString();
    }
}
