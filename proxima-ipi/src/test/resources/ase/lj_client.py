# An ASE calculator (Lennard-Jones) served as an i-PI client: argv structure.extxyz NAME epsilon sigma rc
import sys

import ase.io
from ase.calculators.lj import LennardJones
from ase.calculators.socketio import SocketClient

atoms = ase.io.read(sys.argv[1])
atoms.calc = LennardJones(epsilon=float(sys.argv[3]), sigma=float(sys.argv[4]), rc=float(sys.argv[5]))
client = SocketClient(unixsocket=sys.argv[2], timeout=60)
client.run(atoms, use_stress=True)
