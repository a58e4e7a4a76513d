package io.github.lookersession.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.lookersession.LookerApiException;
import io.github.lookersession.LookerRateLimitException;
import io.github.lookersession.LookerValidationError;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads Looker response bodies and turns failed responses into
 * {@link LookerApiException}s.
 *
 * <p>
 * Bodies are read as bytes, which Spring's codecs do not echo in debug logs, because a
 * login response contains an access token. They are parsed with a private JSON mapper,
 * so the application's Jackson settings do not change how Looker's snake_case fields are
 * read. Error bodies
 * are parsed leniently: a body without {@code documentation_url}, an empty body or an
 * HTML page from a proxy still produces a clean exception. Exception messages quote at
 * most {@value #EXCERPT_LENGTH} characters of a body, with control characters removed,
 * and never quote a body that may contain a token.
 */
public final class LookerResponses {

	static final int EXCERPT_LENGTH = 200;

	private static final byte[] EMPTY_BODY = new byte[0];

	private static final JsonMapper jsonMapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private LookerResponses() {
	}

	/**
	 * Reads a successful response body as the given type.
	 * @param <T> the body type
	 * @param response the response to read
	 * @param type the body type
	 * @return a {@code Mono} with the body, or a {@link LookerApiException} if the body is
	 * empty or not a valid JSON value of that type
	 */
	public static <T> Mono<T> readBody(ClientResponse response, Class<T> type) {
		return readBody(response, type, true);
	}

	/**
	 * Reads a successful response body that may contain a secret, such as a login
	 * response. Errors name the problem but never quote the body.
	 * @param <T> the body type
	 * @param response the response to read
	 * @param type the body type
	 * @return a {@code Mono} with the body, or a {@link LookerApiException}
	 */
	public static <T> Mono<T> readSensitiveBody(ClientResponse response, Class<T> type) {
		return readBody(response, type, false);
	}

	private static <T> Mono<T> readBody(ClientResponse response, Class<T> type, boolean quoteBody) {
		return readBytes(response).flatMap((body) -> parseBody(response, body, type, quoteBody));
	}

	/**
	 * Creates the exception for an unsuccessful response, reading its body.
	 * @param response the response with a 4xx or 5xx status
	 * @return a {@code Mono} with the exception, a {@link LookerRateLimitException} for
	 * 429
	 */
	public static Mono<LookerApiException> createException(ClientResponse response) {
		return readText(response).map((body) -> createException(response, body));
	}

	/**
	 * Returns the path of the request that produced the response, without query.
	 * @param response the response
	 * @return the raw path
	 */
	public static String path(ClientResponse response) {
		return response.request().getURI().getRawPath();
	}

	private static Mono<byte[]> readBytes(ClientResponse response) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY_BODY)
			.onErrorMap((ex) -> !(ex instanceof LookerApiException), (ex) -> unreadableBody(response, ex));
	}

	private static Mono<String> readText(ClientResponse response) {
		return readBytes(response).map((bytes) -> text(response, bytes));
	}

	private static String text(ClientResponse response, byte[] bytes) {
		Charset charset = response.headers()
			.contentType()
			.map(MediaType::getCharset)
			.orElse(StandardCharsets.UTF_8);
		return new String(bytes, charset);
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	private static <T> Mono<T> parseBody(ClientResponse response, byte[] body, Class<T> type, boolean quoteBody) {
		if (isBlank(body)) {
			return Mono.error(invalidBody(response, type, "an empty body (" + describeContentType(response) + ")",
					null));
		}
		try {
			T value = jsonMapper.readValue(body, type);
			if (value == null) {
				return Mono.error(invalidBody(response, type,
						"a JSON null body (" + describeContentType(response) + ")", null));
			}
			return Mono.just(value);
		}
		catch (JacksonException ex) {
			String excerpt = quoteBody ? ": " + excerpt(text(response, body)) : "";
			return Mono.error(invalidBody(response, type, "a body that is not a valid " + type.getSimpleName() + " ("
					+ describeContentType(response) + ")" + excerpt, null));
		}
	}

	private static LookerApiException invalidBody(ClientResponse response, Class<?> type, String problem,
			@Nullable Throwable cause) {
		HttpRequest request = response.request();
		String message = "Looker returned " + describeStatus(response.statusCode()) + " for " + request.getMethod() + " "
				+ path(response) + " with " + problem + "; expected a JSON " + type.getSimpleName();
		return new LookerApiException(message, response.statusCode(), null, null, List.of(), request.getMethod(),
				path(response), cause);
	}

	private static LookerApiException unreadableBody(ClientResponse response, Throwable cause) {
		HttpRequest request = response.request();
		String message = "Could not read the " + describeContentType(response) + " body of Looker's "
				+ describeStatus(response.statusCode()) + " response to " + request.getMethod() + " " + path(response)
				+ ": " + excerpt(String.valueOf(cause.getMessage()));
		return new LookerApiException(message, response.statusCode(), null, null, List.of(), request.getMethod(),
				path(response), cause);
	}

	private static LookerApiException createException(ClientResponse response, String body) {
		HttpStatusCode status = response.statusCode();
		HttpMethod method = response.request().getMethod();
		String path = path(response);
		ErrorBody error = parseErrorBody(body);
		String detail = describeError(response, body, error);
		if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
			Duration retryAfter = parseRetryAfter(response.headers().asHttpHeaders(), Clock.systemUTC());
			String message = "Looker rate limit reached: " + method + " " + path + " returned "
					+ describeStatus(status) + detail
					+ ((retryAfter != null) ? "; retry after " + retryAfter.toSeconds() + " s" : "");
			return new LookerRateLimitException(message, status, error.message(), error.documentationUrl(), retryAfter,
					method, path);
		}
		String message = "Looker returned " + describeStatus(status) + " for " + method + " " + path + detail;
		if (status.is3xxRedirection()) {
			message += "; redirects are not followed, so that credentials and tokens are not sent elsewhere. Set "
					+ "looker.base-url to the URL that serves the API" + location(response);
		}
		return new LookerApiException(message, status, error.message(), error.documentationUrl(), error.errors(),
				method, path, null);
	}

	private static String location(ClientResponse response) {
		String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
		return (location != null) ? " (the response points to " + excerpt(location) + ")" : "";
	}

	private static String describeError(ClientResponse response, String body, ErrorBody error) {
		if (error.message() != null) {
			String errors = error.errors().isEmpty() ? "" : " " + error.errors();
			return ": " + sanitize(error.message()) + errors;
		}
		if (body.isBlank()) {
			return " with an empty body";
		}
		return " with a " + describeContentType(response) + " body: " + excerpt(body);
	}

	static ErrorBody parseErrorBody(String body) {
		if (body.isBlank()) {
			return ErrorBody.EMPTY;
		}
		try {
			ErrorBody parsed = jsonMapper.readValue(body, ErrorBody.class);
			return (parsed != null) ? parsed : ErrorBody.EMPTY;
		}
		catch (RuntimeException ex) {
			// Lenient by design: a body of another shape only loses its details.
			return ErrorBody.EMPTY;
		}
	}

	static @Nullable Duration parseRetryAfter(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		try {
			long seconds = Long.parseLong(value);
			return Duration.ofSeconds(Math.max(0, seconds));
		}
		catch (NumberFormatException ex) {
			// Not delay-seconds, so it may be an HTTP-date.
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration delay = Duration.between(clock.instant(), date.toInstant());
			return delay.isNegative() ? Duration.ZERO : delay;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Describes a status with its code and reason phrase, such as {@code 404 Not Found}.
	 * @param status the status
	 * @return the description
	 */
	public static String describeStatus(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? status.value() + " " + known.getReasonPhrase() : String.valueOf(status.value());
	}

	private static String describeContentType(ClientResponse response) {
		return response.headers()
			.contentType()
			.map(MediaType::toString)
			.map((type) -> type.toLowerCase(Locale.ROOT))
			.orElse("no content type");
	}

	static String excerpt(String body) {
		String clean = sanitize(body);
		return (clean.length() <= EXCERPT_LENGTH) ? clean : clean.substring(0, EXCERPT_LENGTH) + "...";
	}

	private static String sanitize(String text) {
		StringBuilder clean = new StringBuilder(Math.min(text.length(), EXCERPT_LENGTH * 2));
		boolean lastWasSpace = false;
		for (int i = 0; i < text.length() && clean.length() <= EXCERPT_LENGTH * 2; i++) {
			char c = text.charAt(i);
			boolean space = Character.isWhitespace(c) || Character.isISOControl(c);
			if (space && !lastWasSpace) {
				clean.append(' ');
			}
			else if (!space) {
				clean.append(c);
			}
			lastWasSpace = space;
		}
		return clean.toString().trim();
	}

	/**
	 * Looker's error body, with the {@code errors} array of 422 responses.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ErrorBody(@JsonProperty("message") @Nullable String message,
			@JsonProperty("documentation_url") @Nullable String documentationUrl,
			@JsonProperty("errors") @Nullable List<LookerValidationError> errors) {

		static final ErrorBody EMPTY = new ErrorBody(null, null, null);

		ErrorBody {
			errors = (errors != null) ? List.copyOf(errors) : List.of();
		}

	}

}
