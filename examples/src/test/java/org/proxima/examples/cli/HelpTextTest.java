package org.proxima.examples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every help text of every command is a valid format string: picocli formats descriptions with
 * {@link String#format}, so a bare {@code %} (e.g. "40% closer") prints a warning and a raw line instead of the help.
 */
class HelpTextTest {

    @Test
    void everyDescriptionOfEveryCommandFormatsWithoutError() {
        List<String> checked = new ArrayList<>();
        walk(new CommandLine(new ProximaCli()), checked);
        assertTrue(checked.size() > 100, "only " + checked.size() + " description lines were found");
    }

    private static void walk(CommandLine cl, List<String> checked) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName();
        Command command = spec.userObject().getClass().getAnnotation(Command.class);
        if (command != null) {
            for (String line : command.description()) {
                check(name, line, checked);
            }
        }
        for (ArgSpec arg : spec.args()) {
            for (String line : annotatedDescription(arg)) {
                check(name + " " + arg.paramLabel(), line, checked);
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            walk(sub, checked);
        }
    }

    /** The description as written in the annotation: picocli's own accessors return it already formatted. */
    private static String[] annotatedDescription(ArgSpec arg) {
        if (arg.userObject() instanceof AnnotatedElement element) {
            Option option = element.getAnnotation(Option.class);
            if (option != null) {
                return option.description();
            }
            Parameters parameters = element.getAnnotation(Parameters.class);
            if (parameters != null) {
                return parameters.description();
            }
        }
        return new String[0];
    }

    private static void check(String where, String line, List<String> checked) {
        try {
            String.format(Locale.ROOT, line);
        } catch (IllegalFormatException e) {
            fail(where + ": description is not a valid format string (escape % as %%): '" + line + "': " + e);
        }
        checked.add(line);
    }
}
