import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ru.otklik.feedbackapi.api.FeedbackApi;
import ru.otklik.feedbackapi.api.ReviewApi;
import ru.otklik.feedbackapi.model.Channel;
import ru.otklik.feedbackapi.model.FeedbackCreate;
import ru.otklik.feedbackapi.model.FeedbackDetail;
import ru.otklik.feedbackapi.model.FeedbackRead;
import ru.otklik.feedbackapi.model.FeedbackReceipt;
import ru.otklik.plansapi.api.AgenciesApi;
import ru.otklik.plansapi.api.ServicesApi;
import ru.otklik.plansapi.model.AgencyCreate;
import ru.otklik.plansapi.model.AgencyLevel;
import ru.otklik.plansapi.model.AgencyRead;
import ru.otklik.plansapi.model.Direction;
import ru.otklik.plansapi.model.ServiceCreate;
import ru.otklik.plansapi.model.ServiceRead;
import ru.otklik.plansapi.model.Stage;

/**
 * A regional portal written in Java, through the generated clients only (docs/CLIENTS.md).
 *
 * <pre>
 * java Scenario catalog PLANS_URL KEY             -> "agency ID", "service ID"
 * java Scenario feedback FEEDBACK_URL KEY SERVICE -> "posted ID", "listed N ID", "read RATING COMMENT"
 * </pre>
 *
 * The catalog reaches feedback-api through plans-api's events between the two steps.
 */
public final class Scenario {
  private Scenario() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "catalog" -> catalog(args[1], args[2]);
      case "feedback" -> feedback(args[1], args[2], UUID.fromString(args[3]));
      default -> throw new IllegalArgumentException("catalog or feedback, not " + args[0]);
    }
  }

  static void catalog(String url, String key) throws Exception {
    ru.otklik.plansapi.ApiClient client = new ru.otklik.plansapi.ApiClient();
    client.updateBaseUri(url);
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    AgencyRead agency =
        new AgenciesApi(client)
            .createAgency(
                new AgencyCreate().name("Министерство соцзащиты").level(AgencyLevel.REGIONAL));
    ServiceRead service =
        new ServicesApi(client)
            .createService(
                new ServiceCreate()
                    .agencyId(agency.getId())
                    .title("Назначение ежемесячной денежной выплаты")
                    .direction(Direction.STATE_SERVICES)
                    .stages(List.of(Stage.INFORMATION, Stage.APPLICATION, Stage.RESULT)));
    System.out.println("agency " + agency.getId());
    System.out.println("service " + service.getId());
  }

  static void feedback(String url, String key, UUID serviceId) throws Exception {
    ru.otklik.feedbackapi.ApiClient client = new ru.otklik.feedbackapi.ApiClient();
    client.updateBaseUri(url);
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    FeedbackReceipt posted =
        new FeedbackApi(client)
            .createFeedback(
                new FeedbackCreate()
                    .serviceId(serviceId)
                    .stage(ru.otklik.feedbackapi.model.Stage.APPLICATION)
                    .channel(Channel.REGIONAL_PORTAL)
                    .rating(2)
                    .comment("Заявление приняли только с третьей попытки")
                    .occurredAt(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)),
                UUID.randomUUID().toString());
    System.out.println("posted " + posted.getId());

    ReviewApi review = new ReviewApi(client);
    String since = LocalDate.now(ZoneOffset.ofHours(3)).minusDays(1).toString();
    List<FeedbackRead> listed =
        review
            .listFeedback(
                null, null, null, serviceId, null, null, null, null, null, null, null, null, null,
                null, since, null, null, null, null, null)
            .getItems();
    System.out.println(
        "listed " + listed.size() + " " + (listed.isEmpty() ? "-" : listed.get(0).getId()));
    FeedbackDetail read = review.getFeedback(posted.getId());
    System.out.println("read " + read.getRating() + " " + read.getComment());
  }
}
