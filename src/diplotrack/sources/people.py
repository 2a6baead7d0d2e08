"""Who a source's name means: a leader in the record, or a new one added as written.

Importers resolve every name through one :class:`PeopleResolver`. New people get a
provisional key first; :meth:`PeopleResolver.final` gives their ids once the whole file has
been read, so that "Chancellor Adenauer" and "Chancellor Konrad Adenauer" of one country
become one person (named by the longer form).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from diplotrack.errors import Notice
from diplotrack.model import Leader, Tenure
from diplotrack.people.offices import office_on
from diplotrack.people.registry import LeaderRecord
from diplotrack.people.titles import is_bare_title, split_people, split_title
from diplotrack.places import normalize_name
from diplotrack.store.leaders import LeaderIndex
from diplotrack.text import slug

NEW = "new:"
SPELLING = 88.0  # rapidfuzz ratio above which two full names are one person's spellings


@dataclass(slots=True)
class _NewPerson:
    name: str
    country: str | None
    locator: str
    aliases: set[str] = field(default_factory=set)
    external: set[str] = field(default_factory=set)
    seen: int = 0


@dataclass(slots=True)
class PeopleResolver:
    """``scheme`` names the source: a person it adds gets the external id
    ``scheme:COUNTRY:name``, so that re-importing finds the same person again."""

    index: LeaderIndex
    scheme: str = "import"
    tenures: dict[str, list[Tenure]] = field(default_factory=dict)
    fallback: Callable[[str, str | None, str | None], str | None] | None = None
    notices: list[Notice] = field(default_factory=list)
    _new: dict[str, _NewPerson] = field(default_factory=dict)
    _final: dict[str, str] | None = None

    def by_external(self, external_id: str, name: str, country: str | None, locator: str) -> str:
        """A leader known by an id in another dataset, e.g. ``history-state:obama-barack``."""
        if external_id in self.index.external:
            return self.index.external[external_id]
        key = self.by_name(name, country, locator)
        if key.startswith(NEW):
            self._new[key].external.add(external_id)
        return key

    def _in_office(self, ids: list[str], on: str, title: str | None) -> list[str]:
        held = {i: office_on(self.tenures.get(i, []), on, None) for i in ids}
        found = [i for i, office in held.items() if office.title is not None]
        if title:
            titled = [i for i in found if (held[i].title or "").casefold() == title.casefold()]
            found = titled or found
        return found

    def by_visitor_string(
        self, text: str, country: str, locator: str, on: str | None = None
    ) -> tuple[str, str | None]:
        """``"Prime Minister Kyriakos Mitsotakis"`` -> (leader key, title). A field naming
        several people is read as its first person; the others are noted."""
        people = split_people(text)
        title, name = split_title(people[0])
        if len(people) > 1 and is_bare_title(people[0]):
            title, (_, name) = split_title(people[0] + " x")[0], split_title(people[1])
        elif len(people) > 1:
            self.notices.append(
                Notice(locator, f"several visitors in {text!r}: recorded as {people[0]!r}")
            )
        return self.by_name(name or text, country, locator, on=on, title=title), title

    def by_name(
        self,
        name: str,
        country: str | None,
        locator: str,
        *,
        on: str | None = None,
        title: str | None = None,
    ) -> str:
        """The leader a name means; among namesakes, the one in office on ``on`` (under
        ``title`` when given); else a new person, added as written."""
        norm = normalize_name(name)
        own = f"{self.scheme}:{country or ''}:{norm}"
        known = self.index.lookup(name, country)
        if len(known) > 1 and on:
            known = self._in_office(known, on, title) or known
        if len(known) == 1:
            return known[0]
        if not known and self.fallback is not None:
            found = self.fallback(name, country, on)
            if found is not None:
                return found
        if own in self.index.external:
            return self.index.external[own]  # a person this source added before
        key = f"{NEW}{country or ''}:{norm}"
        if key in self._new:
            self._new[key].seen += 1
        if key not in self._new:
            self._new[key] = _NewPerson(name, country, locator, external={own})
            if known:
                self.notices.append(
                    Notice(
                        locator,
                        f"{name!r} fits {len(known)} leaders "
                        f"({', '.join(known)}); added as a new person",
                    )
                )
        return key

    def final(self, key: str) -> str:
        """The leader id behind a key returned by the ``by_*`` methods."""
        if not key.startswith(NEW):
            return key
        if self._final is None:
            self._final = self._assign_ids()
        return self._final[key]

    def new_records(self) -> list[LeaderRecord]:
        """The people added by this import, one record each, named by their longest form."""
        if self._final is None:
            self._final = self._assign_ids()
        groups: dict[str, list[_NewPerson]] = defaultdict(list)
        for key, person in self._new.items():
            groups[self._final[key]].append(person)
        records: list[LeaderRecord] = []
        for leader_id, people in groups.items():
            if leader_id in self.index.countries:
                continue
            main = max(people, key=lambda p: (len(p.name.split()), p.seen, p.name))
            aliases = sorted({a for p in people for a in (p.name, *p.aliases)} - {main.name})
            external = sorted({e for p in people for e in p.external})
            leader = Leader(leader_id, main.name, main.country, tuple(aliases), tuple(external))
            records.append(LeaderRecord(leader, [], main.locator))
            message = f"leader {main.name!r} is not in the registry: added as {leader_id!r}"
            self.notices.append(Notice(main.locator, message))
        return records

    def _assign_ids(self) -> dict[str, str]:
        target = self._surname_targets()
        ids: dict[str, str] = {}
        taken = set(self.index.countries)
        for key in sorted(self._new, key=lambda k: (-len(self._new[k].name), k)):
            if key in target:
                continue
            person = self._new[key]
            base = slug(person.name)
            leader_id = base if base not in taken else f"{base}-{(person.country or 'x').lower()}"
            taken.add(leader_id)
            ids[key] = leader_id
        for key, longer in target.items():
            ids[key] = ids[longer]
        return ids

    def _surname_targets(self) -> dict[str, str]:
        """Keys of new people who are another new person of the same country: a surname
        alone that fits one full name ("Adenauer"), a name with a middle initial left out
        ("Jacques Chirac" / "Jacques R. Chirac"), or a spelling variant of the same full
        name ("Benjamin" / "Binyamin Netanyahu"). Each maps to the longest form."""
        by_country: dict[str | None, list[str]] = defaultdict(list)
        for key, person in self._new.items():
            by_country[person.country].append(key)
        parent = {key: key for key in self._new}

        def root(key: str) -> str:
            while parent[key] != key:
                key = parent[key]
            return key

        for keys in by_country.values():
            words = {k: normalize_name(self._new[k].name).split() for k in keys}
            for a, b in itertools.combinations(sorted(keys), 2):
                if _same_person(words[a], words[b], words):
                    parent[root(a)] = root(b)
            self._surnames(keys, words, parent, root)
        groups: dict[str, list[str]] = defaultdict(list)
        for key in self._new:
            groups[root(key)].append(key)
        targets: dict[str, str] = {}
        for members in groups.values():
            main = max(
                members, key=lambda k: (len(self._new[k].name.split()), self._new[k].seen, k)
            )
            targets.update({k: main for k in members if k != main})
        return targets

    @staticmethod
    def _surnames(
        keys: list[str],
        words: dict[str, list[str]],
        parent: dict[str, str],
        root: Callable[[str], str],
    ) -> None:
        """A one-word name joins the single longer name of the country ending with it."""
        for key in keys:
            if len(words[key]) != 1:
                continue
            fits = {root(k) for k in keys if len(words[k]) > 1 and words[k][-1] == words[key][0]}
            if len(fits) == 1:
                parent[root(key)] = fits.pop()


def _same_person(a: list[str], b: list[str], _words: object = None) -> bool:
    if len(a) < 2 or len(b) < 2:
        return False
    if a[-1] != b[-1] and fuzz.ratio(a[-1], b[-1]) < 90:
        return False
    short, long = sorted((a, b), key=len)
    named = [w for w in short if len(w) > 1]
    if len(named) >= 2 and set(named) <= set(long) and len(long) - len(short) <= 1:
        return True
    return len(a) == len(b) and fuzz.ratio(" ".join(a), " ".join(b)) >= SPELLING
