"""Countries (ISO 3166 and former states) and cities, looked up by any of their names.

    >>> from diplotrack.places import gazetteer
    >>> gazetteer().country("Republic of Kazakhstan").iso3
    'KAZ'
    >>> [city.country for city in gazetteer().cities("Leningrad")]
    ['RUS']

The data and its sources are described in diplotrack/data/places/README.md.
"""

from diplotrack.places.gazetteer import Gazetteer, gazetteer
from diplotrack.places.groups import Group, Groups, Membership, groups
from diplotrack.places.history_state import history_state_country
from diplotrack.places.model import City, Country
from diplotrack.places.normalize import normalize_name

__all__ = [
    "City",
    "Country",
    "Gazetteer",
    "Group",
    "Groups",
    "Membership",
    "gazetteer",
    "groups",
    "history_state_country",
    "normalize_name",
]
