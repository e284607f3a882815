"""What the tagging stage costs: the shipped az,en PDF/UA-1 booklet, whole build and stage alone.

`build_pdf` of the shipped booklet (a fresh output file each time), best of 3, as wall time and
as this process's CPU time: on a machine shared with other work the wall time of a
seven-second build varies by a factor of two, the CPU time far less, so the CPU time is the
figure to compare between commits. Then `tagging.retag` alone on one WeasyPrint PDF of the
same booklet, best of 3. Run against an older commit (whose sources have no tagging stage),
only the build is timed.

Run from the repository root:  python benchmarks/bench_pdf_tagging.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchtools import machine, print_table

from pubtool.project import load_project
from pubtool.publish.booklet import BookletRequest, build_pdf, prepare_booklet, template_dirs

REQUEST = BookletRequest(languages=("az", "en"), pdf_variant="pdf/ua-1")


def best(function: Callable[[], object], runs: int = 3) -> tuple[float, float]:
    """The best wall time and the best CPU time of `runs` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    print(f"# tagging: {machine()}")
    project = load_project(Path.cwd())
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        outputs = iter(Path(scratch) / f"booklet-{n}.pdf" for n in range(100))
        wall, cpu = best(lambda: build_pdf(project, REQUEST, next(outputs)))
        rows.append(("build_pdf, az,en, pdf/ua-1", f"{wall:.2f} s", f"{cpu:.2f} s"))
    try:
        from pubtool.publish.tagging import retag
    except ImportError:
        print_table(("what", "wall, best of 3", "CPU, best of 3"), rows)
        return
    from weasyprint import HTML

    from pubtool.publish.render import ConfinedFetcher

    booklet = prepare_booklet(project, REQUEST)
    folders = template_dirs(project, REQUEST)
    document = HTML(
        string=booklet.html,
        base_url=folders[0].resolve().as_uri() + "/",
        url_fetcher=ConfinedFetcher(folders),
    ).render()
    data = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
    ids = [list(page.anchors) for page in document.pages]
    wall, cpu = best(lambda: retag(data, booklet.html, ids, booklet.source_epoch))
    rows.append((f"tagging.retag alone ({len(document.pages)} pages)", f"{wall:.2f} s",
                 f"{cpu:.2f} s"))  # fmt: skip
    print_table(("what", "wall, best of 3", "CPU, best of 3"), rows)


if __name__ == "__main__":
    sys.exit(main())
