package io.github.lookersession;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code errors} array of a Looker 422 response.
 *
 * @param field name of the rejected field
 * @param code Looker's error code, such as {@code missing} or {@code invalid}
 * @param message explanation of the error
 * @param documentationUrl link to Looker's documentation for the error, often absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LookerValidationError(@JsonProperty("field") @Nullable String field,
		@JsonProperty("code") @Nullable String code, @JsonProperty("message") @Nullable String message,
		@JsonProperty("documentation_url") @Nullable String documentationUrl) {

	@Override
	public String toString() {
		return this.field + ": " + this.code + " (" + this.message + ")";
	}

}
