"""diplo-edition: raw OCR texts to TEI P5 and a static scholarly edition."""

__version__ = "0.1.0"
