package io.github.lookersession;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

/**
 * Root of the exceptions that the Looker session client signals.
 *
 * <p>
 * Carries what Looker returned, as far as it was readable: the HTTP status, Looker's
 * {@code message} and {@code documentation_url}, and the validation errors of a 422
 * response, together with the method and path (without query) of the failed request.
 * Each of them is {@code null} or empty when the failure happened before a response
 * arrived or the body did not contain it. Messages never contain a client secret or an
 * access token.
 */
public class LookerApiException extends RuntimeException {

	private final @Nullable HttpStatusCode statusCode;

	private final @Nullable String lookerMessage;

	private final @Nullable String documentationUrl;

	private final List<LookerValidationError> validationErrors;

	private final @Nullable HttpMethod method;

	private final @Nullable String path;

	/**
	 * Creates an exception for a failed Looker request.
	 * @param message description of what failed and what to do
	 * @param statusCode HTTP status of the response, or {@code null} if none arrived
	 * @param lookerMessage {@code message} field of Looker's error body, if any
	 * @param documentationUrl {@code documentation_url} field of Looker's error body, if
	 * any
	 * @param validationErrors {@code errors} entries of a 422 body, possibly empty
	 * @param method method of the failed request, if known
	 * @param path path of the failed request without query, if known
	 * @param cause underlying failure, if any
	 */
	public LookerApiException(String message, @Nullable HttpStatusCode statusCode, @Nullable String lookerMessage,
			@Nullable String documentationUrl, List<LookerValidationError> validationErrors,
			@Nullable HttpMethod method, @Nullable String path, @Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
		this.lookerMessage = lookerMessage;
		this.documentationUrl = documentationUrl;
		this.validationErrors = List.copyOf(validationErrors);
		this.method = method;
		this.path = path;
	}

	/**
	 * Creates an exception that copies the response details of another one.
	 * @param message description of what failed and what to do
	 * @param source exception whose status, body fields, method and path are kept
	 */
	protected LookerApiException(String message, LookerApiException source) {
		this(message, source.statusCode, source.lookerMessage, source.documentationUrl, source.validationErrors,
				source.method, source.path, source);
	}

	/**
	 * Returns the HTTP status of Looker's response.
	 * @return the status, or {@code null} if no response arrived
	 */
	public @Nullable HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Returns the {@code message} field of Looker's error body.
	 * @return the message, or {@code null} if the body had none or was not JSON
	 */
	public @Nullable String getLookerMessage() {
		return this.lookerMessage;
	}

	/**
	 * Returns the {@code documentation_url} field of Looker's error body.
	 * @return the link, or {@code null} if the body had none
	 */
	public @Nullable String getDocumentationUrl() {
		return this.documentationUrl;
	}

	/**
	 * Returns the validation errors of a 422 response.
	 * @return the errors, empty if the response had none
	 */
	public List<LookerValidationError> getValidationErrors() {
		return this.validationErrors;
	}

	/**
	 * Returns the method of the failed request.
	 * @return the method, or {@code null} if unknown
	 */
	public @Nullable HttpMethod getMethod() {
		return this.method;
	}

	/**
	 * Returns the path of the failed request, without query.
	 * @return the path, or {@code null} if unknown
	 */
	public @Nullable String getPath() {
		return this.path;
	}

}
