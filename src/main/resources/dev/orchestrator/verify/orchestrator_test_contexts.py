# A pytest plugin of the Parallel Task Orchestrator's verify step: while each test runs, coverage.py
# records the lines it runs under the test's node id, so a failure can be traced to the lines it
# ran and from them to the tasks that wrote them. Does nothing without a running coverage.py.
import pytest

try:
    import coverage
except ImportError:
    coverage = None


def _switch(context):
    current = coverage.Coverage.current() if coverage is not None else None
    if current is None:
        return
    try:
        current.switch_context(context)
    except Exception:
        pass  # the project's own coverage settings may not allow it: only the lines go unknown


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _switch(item.nodeid)
    yield
    _switch("")
