package org.serialtracking.it.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Saves the OpenAPI document the server under test serves, for the client generator (run by the
 * build once the server has started). Liberty may answer an empty document ("Generated API", no
 * paths) while it processes the application again, so this asks until the document describes the
 * documents endpoint, and fails the build if it never does.
 */
public final class ServedOpenApi {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private ServedOpenApi() {
    }

    /** {@code args}: the document's URL and the file to write. */
    public static void main(String[] args) throws IOException, InterruptedException {
        URI url = URI.create(args[0]);
        Path file = Path.of(args[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        Instant giveUp = Instant.now().plus(PATIENCE);
        String last = "no answer";
        while (Instant.now().isBefore(giveUp)) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"/api/transactions\"")) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    Files.writeString(file, response.body());
                    System.out.println("Saved the served OpenAPI document (" + response.body().length()
                            + " characters) to " + file);
                    return;
                }
                last = "HTTP " + response.statusCode() + ", " + response.body().length() + " characters without /api/transactions";
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(url + " served no document of our API within " + PATIENCE + ": " + last);
    }
}
