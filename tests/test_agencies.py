"""The agency catalog through the HTTP API."""

import httpx


async def test_create_read_update_and_search_agencies(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    ministry = await plans.post(
        "/api/v1/agencies",
        json={"name": "Министерство труда Республики Примерной", "level": "regional"},
        headers=admin_headers,
    )
    municipality = await plans.post(
        "/api/v1/agencies",
        json={
            "name": "Администрация городского округа Примерск",
            "level": "municipal",
            "parent_id": ministry.json()["id"],
        },
        headers=admin_headers,
    )
    renamed = await plans.patch(
        f"/api/v1/agencies/{municipality.json()['id']}",
        json={"short_name": "Администрация Примерска"},
        headers=admin_headers,
    )
    found = await plans.get("/api/v1/agencies", params={"q": "примерск"}, headers=admin_headers)
    children = await plans.get(
        "/api/v1/agencies", params={"parent_id": ministry.json()["id"]}, headers=admin_headers
    )

    assert ministry.status_code == 201
    assert municipality.json()["parent_id"] == ministry.json()["id"]
    assert renamed.json()["short_name"] == "Администрация Примерска"
    assert {a["name"] for a in found.json()["items"]} == {
        "Администрация городского округа Примерск"
    }
    assert [a["id"] for a in children.json()["items"]] == [municipality.json()["id"]]


async def test_unknown_parent_is_422_naming_parent_id(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    response = await plans.post(
        "/api/v1/agencies",
        json={
            "name": "Администрация",
            "level": "municipal",
            "parent_id": "3f0e6d0c-8a57-4d4e-9a51-5b3c2a1d9e10",
        },
        headers=admin_headers,
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "parent_id"


async def test_listing_pages_with_a_cursor(
    plans: httpx.AsyncClient, admin_headers: dict[str, str]
) -> None:
    for n in range(5):
        await plans.post(
            "/api/v1/agencies",
            json={"name": f"Орган {n}", "level": "municipal"},
            headers=admin_headers,
        )

    first = await plans.get("/api/v1/agencies", params={"limit": 3}, headers=admin_headers)
    second = await plans.get(
        "/api/v1/agencies",
        params={"limit": 3, "cursor": first.json()["next_cursor"]},
        headers=admin_headers,
    )
    bad_cursor = await plans.get("/api/v1/agencies", params={"cursor": "!!"}, headers=admin_headers)

    names = [a["name"] for a in first.json()["items"] + second.json()["items"]]
    assert names == [f"Орган {n}" for n in range(5)]
    assert second.json()["next_cursor"] is None
    assert bad_cursor.status_code == 422
    assert bad_cursor.json()["errors"][0]["field"] == "cursor"
