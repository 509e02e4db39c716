"""seedlint's default rule pack: the YAML files in this folder.

Installed, this folder is the package ``seedlint.rules``; ``rule-packs: [default]`` in a
configuration means these files.
"""
