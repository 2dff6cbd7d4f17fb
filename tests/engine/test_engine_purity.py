"""The engine stays pure: importing it (and the simulator) never loads pygame, files or clocks."""

import subprocess
import sys


def test_importing_the_engine_and_simulator_does_not_import_pygame():
    code = (
        "import sys, game.engine, game.engine.queries, game.engine.bot;"
        "import game.sim.simulate;"
        "print('pygame' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_engine_modules_import_no_files_clock_or_global_random():
    import ast
    from pathlib import Path

    import game.engine

    forbidden = {"pygame", "random", "time", "datetime", "os", "pathlib", "io", "shutil"}
    for source in Path(game.engine.__file__).parent.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "open", f"{source.name} opens a file"
                continue
            else:
                continue
            for name in names:
                assert name.split(".")[0] not in forbidden, f"{source.name} imports {name}"
