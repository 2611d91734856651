"""Reference trajectories for Proxima's integrator tests, made with ASE 3.22.1 (Debian python3-ase).

Run with /usr/bin/python3 generate.py in this folder. Writes one extxyz file per integrator: a frame every
step (including step 0) with positions (Å), velocities (Å/fs), cell, potential energy and, where ASE has one,
the conserved quantity. System: 108 Ar atoms (fcc 3x3x3, a = 5.26 Å) with random displacements in a slightly
sheared upper-triangular cell, Lennard-Jones eps = 0.0104 eV, sigma = 3.4 Å, rc = 7.5 Å (energy shifted),
legacy masses (39.948 amu), Maxwell-Boltzmann velocities at 60 K (seed 1), zero total momentum.
"""
import numpy as np
from ase import units
from ase.build import bulk
from ase.calculators.lj import LennardJones
from ase.md.npt import NPT
from ase.md.nptberendsen import Inhomogeneous_NPTBerendsen, NPTBerendsen
from ase.md.nvtberendsen import NVTBerendsen
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution, Stationary
from ase.md.verlet import VelocityVerlet

STEPS = 40


def system():
    atoms = bulk('Ar', 'fcc', a=5.26, cubic=True).repeat((3, 3, 3))
    cell = atoms.cell[:].copy()
    cell[0, 1] = 0.35  # upper-triangular shear (a has a y component)
    cell[1, 2] = -0.2
    atoms.set_cell(cell, scale_atoms=True)
    rng = np.random.RandomState(7)
    atoms.positions += rng.uniform(-0.08, 0.08, atoms.positions.shape)
    atoms.set_masses([39.948] * len(atoms))
    MaxwellBoltzmannDistribution(atoms, temperature_K=60, rng=np.random.RandomState(1))
    Stationary(atoms)
    atoms.calc = LennardJones(epsilon=0.0104, sigma=3.4, rc=7.5)
    return atoms


def record(dyn, atoms, name, conserved=None):
    """Writes every step at full double precision (ASE's own writer rounds to 8 decimals)."""
    with open(name, 'w') as out:
        def snap(step):
            v = atoms.get_velocities() * units.fs  # Å/fs
            info = 'step=%d epot=%r' % (step, float(atoms.get_potential_energy()))
            if conserved is not None:
                info += ' conserved=%r' % float(conserved())
            lattice = ' '.join(repr(float(x)) for x in atoms.cell[:].ravel())
            out.write('%d\nLattice="%s" Properties=species:S:1:pos:R:3:velocities:R:3 %s pbc="T T T"\n'
                      % (len(atoms), lattice, info))
            for sym, p, u in zip(atoms.get_chemical_symbols(), atoms.positions, v):
                out.write('%s %s\n' % (sym, ' '.join(repr(float(x)) for x in list(p) + list(u))))

        snap(0)
        for step in range(1, STEPS + 1):
            dyn.run(1)
            snap(step)


dt = 2.0 * units.fs
atoms = system()
record(VelocityVerlet(atoms, dt), atoms, 'verlet.extxyz',
       lambda: atoms.get_potential_energy() + atoms.get_kinetic_energy())

atoms = system()
dyn = NPT(atoms, dt, temperature_K=80, externalstress=0.01, ttime=25 * units.fs,
          pfactor=(75 * units.fs) ** 2 * 3.0 * units.GPa,
          mask=np.array([[1, 1, 0], [1, 1, 1], [0, 1, 1]]))
record(dyn, atoms, 'npt_melchionna.extxyz', dyn.get_gibbs_free_energy)

atoms = system()
record(NVTBerendsen(atoms, dt, temperature_K=80, taut=50 * units.fs), atoms, 'nvt_berendsen.extxyz')

atoms = system()
record(NPTBerendsen(atoms, dt, temperature_K=80, pressure_au=0.01, taut=50 * units.fs, taup=200 * units.fs,
                    compressibility_au=1 / (3.0 * units.GPa)), atoms, 'npt_berendsen.extxyz')

atoms = system()
record(Inhomogeneous_NPTBerendsen(atoms, dt, temperature_K=80, pressure_au=0.01, taut=50 * units.fs,
                                  taup=200 * units.fs, compressibility_au=1 / (3.0 * units.GPa),
                                  mask=(1, 0, 1)), atoms, 'npt_berendsen_per_axis.extxyz')
