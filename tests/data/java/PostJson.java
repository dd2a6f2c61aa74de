import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** POSTs a JSON file with Java's standard client, HTTP_2 by default (an h2c upgrade offer on
 * cleartext); prints the status, the protocol version answered and the body. */
public class PostJson {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        String body = Files.readString(Path.of(args[2]));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.version());
            System.out.println(response.body());
        }
    }
}
