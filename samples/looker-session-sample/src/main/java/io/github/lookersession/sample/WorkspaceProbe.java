package io.github.lookersession.sample;

import io.github.lookersession.ApiSession;
import io.github.lookersession.LookerSessionClient;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Finds out which workspace serves the client's requests by requesting a LookML model
 * that exists only in {@code dev} ({@code GET /lookml_models/{name}}) through
 * {@link LookerSessionClient#getWebClient()}.
 *
 * <p>
 * Looker returns {@code 200} when the session is in {@code dev} and {@code 404} when it
 * is in {@code production}. That is true only for a model that exists in the API user's
 * development branch and not in production, such as the fake Looker's
 * {@code dev_only_model}, so the probe exists only when {@code sample.probe-model} names
 * such a model.
 */
@Component
@ConditionalOnProperty("sample.probe-model")
public class WorkspaceProbe {

	private final LookerSessionClient looker;

	private final String model;

	WorkspaceProbe(LookerSessionClient looker, SampleProperties properties) {
		String model = properties.probeModel();
		Assert.hasText(model, "sample.probe-model must not be empty");
		this.looker = looker;
		this.model = model;
	}

	/**
	 * Requests the probe model once. Each subscription sends a new request.
	 * @return a {@code Mono} with the result, or an {@link IllegalStateException} if
	 * Looker returned a status other than {@code 200} or {@code 404}, or a
	 * {@link io.github.lookersession.LookerApiException} if the login failed
	 */
	public Mono<Result> probe() {
		return this.looker.getWebClient()
			.get()
			.uri("/lookml_models/{name}", this.model)
			.accept(MediaType.APPLICATION_JSON)
			.exchangeToMono(this::readStatus);
	}

	private Mono<Result> readStatus(ClientResponse response) {
		HttpStatusCode status = response.statusCode();
		if (status.isSameCodeAs(HttpStatus.OK)) {
			return response.releaseBody().thenReturn(new Result(this.model, status, ApiSession.DEV_WORKSPACE));
		}
		if (status.isSameCodeAs(HttpStatus.NOT_FOUND)) {
			return response.releaseBody().thenReturn(new Result(this.model, status, ApiSession.PRODUCTION_WORKSPACE));
		}
		return response.releaseBody()
			.then(Mono.error(new IllegalStateException("GET /lookml_models/" + this.model + " returned " + status.value()
					+ ", but a workspace check expects 200 (dev) or 404 (production)")));
	}

	/**
	 * Outcome of one probe.
	 *
	 * @param model the LookML model that was requested
	 * @param status the HTTP status of Looker's response
	 * @param workspaceId the workspace that the status shows, {@code dev} for 200 and
	 * {@code production} for 404
	 */
	public record Result(String model, HttpStatusCode status, String workspaceId) {

	}

}
