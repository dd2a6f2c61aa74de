// A regional portal written in TypeScript: openapi-fetch over the types openapi-typescript made
// of the committed specs (docs/CLIENTS.md). Compiled beside them in build/clients/ts:
//   node out/scenario.js catalog PLANS_URL KEY             -> "agency ID", "service ID"
//   node out/scenario.js feedback FEEDBACK_URL KEY SERVICE -> "posted ID", "listed N ID", "read RATING COMMENT"
// The catalog reaches feedback-api through plans-api's events between the two steps.
import createClient from "openapi-fetch";
import type { paths as FeedbackPaths } from "./feedback-api.js";
import type { paths as PlansPaths } from "./plans-api.js";

function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${result.response.status}: ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

async function catalog(baseUrl: string, key: string): Promise<void> {
  const plans = createClient<PlansPaths>({ baseUrl, headers: { Authorization: `Bearer ${key}` } });
  const agency = must(
    await plans.POST("/api/v1/agencies", {
      body: { name: "Министерство соцзащиты", level: "regional" },
    }),
  );
  const service = must(
    await plans.POST("/api/v1/services", {
      body: {
        agency_id: agency.id,
        title: "Назначение ежемесячной денежной выплаты",
        direction: "state_services",
        stages: ["information", "application", "result"],
      },
    }),
  );
  console.log(`agency ${agency.id}`);
  console.log(`service ${service.id}`);
}

async function feedback(baseUrl: string, key: string, serviceId: string): Promise<void> {
  const api = createClient<FeedbackPaths>({ baseUrl, headers: { Authorization: `Bearer ${key}` } });
  const posted = must(
    await api.POST("/api/v1/feedback", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: {
        service_id: serviceId,
        stage: "application",
        channel: "regional_portal",
        rating: 2,
        comment: "Заявление приняли только с третьей попытки",
        occurred_at: new Date(Date.now() - 3600_000).toISOString(),
      },
    }),
  );
  console.log(`posted ${posted.id}`);
  // yesterday in Moscow time, the date the filter reads without a time zone
  const since = new Date(Date.now() + 3 * 3600_000 - 24 * 3600_000).toISOString().slice(0, 10);
  const listed = must(
    await api.GET("/api/v1/feedback", {
      params: { query: { service_id: serviceId, received_from: since } },
    }),
  );
  console.log(`listed ${listed.items.length} ${listed.items[0]?.id ?? "-"}`);
  const read = must(
    await api.GET("/api/v1/feedback/{feedback_id}", {
      params: { path: { feedback_id: posted.id } },
    }),
  );
  console.log(`read ${read.rating} ${read.comment}`);
}

const [step, baseUrl, key, serviceId] = process.argv.slice(2);
if (step === "catalog" && baseUrl && key) {
  await catalog(baseUrl, key);
} else if (step === "feedback" && baseUrl && key && serviceId) {
  await feedback(baseUrl, key, serviceId);
} else {
  throw new Error("catalog PLANS_URL KEY | feedback FEEDBACK_URL KEY SERVICE");
}
