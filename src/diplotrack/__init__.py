"""diplotrack: an auditable, sourced record of leaders' travels.

>>> import diplotrack as dt
>>> rec = dt.open("record.sqlite")          # doctest: +SKIP
>>> rec.top("Barack Obama").rows[0].name    # doctest: +SKIP
"""

from diplotrack.model import Evidence, Leader, Status, Stop, StopKind, Tenure, Trip
from diplotrack.record import Record, open

__all__ = ["Evidence", "Leader", "Record", "Status", "Stop", "StopKind", "Tenure", "Trip", "open"]
__version__ = "0.1.0"
