"""The one thing pyproject.toml cannot say: patterns/ (the pattern data, kept at the top of the
repository) ships inside the wheel as the package data folder extract/_patterns/, where
extract.patterns.patterns_dir() finds it when there is no checkout around the package."""
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PATTERNS = Path(__file__).resolve().parent / "patterns"


class BuildWithPatterns(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "extract" / "_patterns"
        for f in sorted(PATTERNS.rglob("*")):
            rel = f.relative_to(PATTERNS)
            if f.is_file() and f.suffix != ".md" and not any(p.startswith(".") for p in rel.parts):
                self.mkpath(str((target / rel).parent))
                self.copy_file(str(f), str(target / rel))


setup(cmdclass={"build_py": BuildWithPatterns})
