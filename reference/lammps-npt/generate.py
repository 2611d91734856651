"""LAMMPS fix npt (Martyna-Tobias-Klein, Shinoda 2004) reference trajectories for Proxima's MTK integrator.

Run with /usr/bin/python3 generate.py in this folder (needs Debian's `lmp`). Starts from frame 0 of
../lammps-sw/nve_si63vac_100steps.extxyz (63 Si atoms, ~1000 K velocities), Stillinger-Weber, dt = 1 fs,
30 steps, fix npt temp 900 900 0.05 with iso / aniso / tri barostats at 2 GPa (20000 bar), Pdamp 0.2 ps,
default chains (tchain 3, pchain 3, mtk yes). Writes <style>.extxyz: every step, unwrapped positions relative
to the box origin (Å), velocities (Å/fs), the cell (LAMMPS' restricted triclinic rows), pe, and the fix's
conserved energy (etotal + f_1, eV).
"""
import subprocess

STEPS = 30


def read_frame0(path):
    with open(path) as f:
        n = int(f.readline())
        header = f.readline()
        lat = [float(x) for x in header.split('Lattice="')[1].split('"')[0].split()]
        atoms = [f.readline().split() for _ in range(n)]
    return lat, atoms


def write_data(lat, atoms, name):
    # triclinic box so that the tri barostat can tilt it
    with open(name, 'w') as out:
        out.write('Si63 vacancy from nve reference frame 0\n\n%d atoms\n1 atom types\n\n' % len(atoms))
        out.write('0.0 %r xlo xhi\n0.0 %r ylo yhi\n0.0 %r zlo zhi\n0.0 0.0 0.0 xy xz yz\n\n'
                  % (lat[0], lat[4], lat[8]))
        out.write('Masses\n\n1 28.0855\n\nAtoms # atomic\n\n')
        for i, a in enumerate(atoms):
            out.write('%d 1 %s %s %s\n' % (i + 1, a[1], a[2], a[3]))
        out.write('\nVelocities\n\n')
        for i, a in enumerate(atoms):
            out.write('%d %s %s %s\n' % (i + 1, a[4], a[5], a[6]))  # Å/ps


INPUT = """units metal
atom_style atomic
boundary p p p
atom_modify map array sort 0 0.0
box tilt large
read_data si63.data
pair_style sw
pair_coeff * * ../lammps-sw/Si.sw Si
neighbor 1.0 bin
neigh_modify every 1 delay 0 check yes
timestep 0.001
fix 1 all npt temp 900 900 0.05 {style} 20000 20000 0.2
variable cons equal etotal+f_1
thermo_style custom step pe ke etotal f_1 v_cons lx ly lz xy xz yz press
thermo_modify format float %.17g
thermo 1
dump d all custom 1 {style}.dump id xu yu zu vx vy vz
dump_modify d format float %.17g sort id
run {steps}
"""


def convert(style):
    thermo = {}
    with open('log.%s' % style) as f:
        lines = f.readlines()
    start = [i for i, l in enumerate(lines) if l.split()[:2] == ['Step', 'PotEng']][0]
    for l in lines[start + 1:start + 2 + STEPS]:
        w = l.split()
        thermo[int(w[0])] = [float(x) for x in w[1:]]
    out = open('%s.extxyz' % style, 'w')
    with open('%s.dump' % style) as f:
        while True:
            line = f.readline()
            if not line:
                break
            step = int(f.readline())
            f.readline()
            n = int(f.readline())
            f.readline()
            bounds = [[float(x) for x in f.readline().split()] for _ in range(3)]
            f.readline()
            rows = [f.readline().split() for _ in range(n)]
            (xlob, xhib, xy), (ylob, yhib, xz), (zlo, zhi, yz) = bounds
            xlo = xlob - min(0.0, xy, xz, xy + xz)
            xhi = xhib - max(0.0, xy, xz, xy + xz)
            ylo = ylob - min(0.0, yz)
            yhi = yhib - max(0.0, yz)
            t = thermo[step]
            lattice = [xhi - xlo, 0, 0, xy, yhi - ylo, 0, xz, yz, zhi - zlo]
            out.write('%d\nLattice="%s" Properties=species:S:1:pos:R:3:velocities:R:3 step=%d epot=%r '
                      'conserved=%r pbc="T T T"\n' % (n, ' '.join(repr(x) for x in lattice), step, t[0], t[4]))
            for r in rows:
                x, y, z = float(r[1]) - xlo, float(r[2]) - ylo, float(r[3]) - zlo
                v = [float(r[k]) * 1e-3 for k in (4, 5, 6)]  # Å/ps -> Å/fs
                out.write('Si %r %r %r %r %r %r\n' % (x, y, z, v[0], v[1], v[2]))
    out.close()


lat, atoms = read_frame0('../lammps-sw/nve_si63vac_100steps.extxyz')
write_data(lat, atoms, 'si63.data')
for style in ('iso', 'aniso', 'tri'):
    with open('in.%s' % style, 'w') as f:
        f.write(INPUT.format(style=style, steps=STEPS))
    subprocess.run(['lmp', '-in', 'in.%s' % style, '-log', 'log.%s' % style, '-screen', 'none'], check=True,
                   env={'OMP_NUM_THREADS': '1', 'PATH': '/usr/bin:/bin'})
    convert(style)
