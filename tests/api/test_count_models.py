"""The counting routes answer in the shapes /docs describes (on the imported record, with
and without explain)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from diplotrack.api.count_models import PairOut, TopOut, TripsOut, VisitorsOut

QUESTIONS: list[tuple[str, dict[str, object], type[BaseModel]]] = [
    ("/api/top", {"leader": "Barack Obama", "explain": True}, TopOut),
    ("/api/top", {"leader": "Barack Obama", "count": "days"}, TopOut),
    ("/api/trips", {"leader": "Joseph R. Biden", "to": "Belgium"}, TripsOut),
    ("/api/visitors", {"country": "United Kingdom", "explain": True}, VisitorsOut),
    ("/api/pair", {"a": "USA", "b": "Russia", "explain": True}, PairOut),
]


@pytest.mark.parametrize(("path", "params", "model"), QUESTIONS)
def test_a_count_answers_in_its_documented_shape(
    hs_client: TestClient, path: str, params: dict[str, object], model: type[BaseModel]
) -> None:
    response = hs_client.get(path, params=params)
    assert response.status_code == 200
    model.model_validate(response.json())
