"""Countries and groups of countries (with dated membership)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from diplotrack.api.params import Rec
from diplotrack.errors import NotFound
from diplotrack.places import Country, Gazetteer, Group, gazetteer, groups
from diplotrack.timeutil import today

router = APIRouter(prefix="/api", tags=["places"])


class CountryRow(BaseModel):
    code: str = Field(description="ISO3 code (ISO 3166-3 for former states).", examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])
    name_ru: str | None = Field(examples=["Казахстан"])
    iso2: str | None = Field(examples=["KZ"])
    historical: bool = Field(description="A former state (SUN, DDR, YUG...).")


class GroupRow(BaseModel):
    id: str = Field(examples=["csto"])
    kind: str = Field(description="group or region.", examples=["group"])
    name: str = Field(examples=["Collective Security Treaty Organization"])
    name_ru: str | None
    aliases: list[str]


class MemberRow(BaseModel):
    country: str = Field(examples=["UZB"])
    name: str = Field(examples=["Uzbekistan"])
    start_date: str | None = Field(description="First day of membership (blank: always).")
    end_date: str | None = Field(description="First day no longer a member (blank: still).")
    note: str | None


class GroupDetail(GroupRow):
    members: list[MemberRow] = Field(
        description="Membership stretches, a suspension being a gap between two."
    )


def _country_row(country: Country) -> CountryRow:
    return CountryRow(
        code=country.iso3,
        name=country.name,
        name_ru=country.name_ru,
        iso2=country.iso2,
        historical=country.historical,
    )


def _group_row(group: Group) -> dict[str, Any]:
    return {
        "id": group.id,
        "kind": group.kind,
        "name": group.name,
        "name_ru": group.name_ru,
        "aliases": list(group.aliases),
    }


@router.get("/countries", summary="Every country and former state")
def countries() -> list[CountryRow]:
    """Sorted by code."""
    return [_country_row(c) for c in gazetteer().countries()]


@router.get("/countries/{country}", summary="A country: names, groups and who led it")
def country(
    rec: Rec, country: Annotated[str, Path(description="A code or any name: KAZ, Казахстан.")]
) -> dict[str, Any]:
    """The country's names, the groups it has belonged to (with dates), and its leaders'
    tenures (those in office today marked `current`)."""
    found = rec.country(country)
    now = {t.key for t, _ in rec.country_tenures(found.iso3, today().isoformat())}
    memberships = [
        {
            "group": g.id,
            "name": g.name,
            "kind": g.kind,
            "start_date": m.start_date,
            "end_date": m.end_date,
        }
        for g in groups().of_country(found.iso3)
        for m in groups().memberships(g.id)
        if m.country == found.iso3
    ]
    tenures = [
        {
            "leader_id": t.leader_id,
            "leader": name,
            "title": t.title,
            "office_kind": t.office_kind.value,
            "start_date": t.start_date,
            "end_date": t.end_date,
            "acting": t.acting,
            "current": t.key in now,
        }
        for t, name in rec.country_tenures(found.iso3)
    ]
    return _country_row(found).model_dump() | {
        "official_name": found.official_name,
        "aliases": list(found.aliases),
        "valid_from": found.valid_from,
        "valid_to": found.valid_to,
        "groups": memberships,
        "tenures": tenures,
    }


@router.get("/groups", summary="Groups of countries and regions")
def group_list() -> list[GroupRow]:
    """CIS, CSTO, EAEU, SCO, EU, NATO, G7, ICC states parties… and geographic regions;
    use `group:ID` or `region:ID` wherever a place is asked for."""
    return [GroupRow(**_group_row(g)) for g in groups().all()]


@router.get("/groups/{group}", summary="A group and its members, with dates")
def group_detail(
    group: Annotated[str, Path(description="An id or any name: csto, ОДКБ, NATO.")],
) -> GroupDetail:
    found = groups().group(group)
    if found is None:
        raise NotFound(f"no group or region {group!r}")
    table = gazetteer()
    members = [
        MemberRow(
            country=m.country,
            name=_name(table, m.country),
            start_date=m.start_date,
            end_date=m.end_date,
            note=m.note,
        )
        for m in groups().memberships(found.id)
    ]
    return GroupDetail(**_group_row(found), members=members)


def _name(table: Gazetteer, code: str) -> str:
    try:
        return table.country_by_code(code).name
    except KeyError:
        return code
