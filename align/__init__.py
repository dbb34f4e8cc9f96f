"""French–English translation review and alignment for anti-trafficking texts.

Data flows one way: read → segment → translate → embed → align → check → export.
Each stage is a module with a function you can call alone; `align.pipeline` chains them.
"""

__version__ = "0.1.0"
