# ASE's velocity Verlet driving a Proxima served over i-PI: argv structure.extxyz NAME energies.txt STEPS frames.extxyz
import sys

import numpy as np

import ase.io
from ase import units
from ase.calculators.socketio import SocketIOCalculator
from ase.md.velocitydistribution import MaxwellBoltzmannDistribution
from ase.md.verlet import VelocityVerlet

atoms = ase.io.read(sys.argv[1])
MaxwellBoltzmannDistribution(atoms, temperature_K=1000, rng=np.random.default_rng(1))
with SocketIOCalculator(unixsocket=sys.argv[2], timeout=120) as calc, open(sys.argv[3], 'w') as log:
    atoms.calc = calc
    dyn = VelocityVerlet(atoms, timestep=1.0 * units.fs)

    def record():
        e = atoms.get_potential_energy()
        log.write('%r %r\n' % (e, e + atoms.get_kinetic_energy()))

    dyn.attach(record, interval=1)
    dyn.attach(lambda: ase.io.write(sys.argv[5], atoms, append=True), interval=100)
    dyn.run(int(sys.argv[4]))
