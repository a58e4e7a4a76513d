package io.github.lookersession.autoconfigure;

/**
 * Signals that a {@code looker.*} property is missing or invalid at startup.
 *
 * <p>
 * The message never contains the value of {@code looker.client-secret}.
 */
public class InvalidLookerPropertyException extends RuntimeException {

	private final String property;

	private final String action;

	/**
	 * Creates an exception for one property.
	 * @param property the full name of the property, such as {@code looker.base-url}
	 * @param description what is wrong with its value
	 * @param action what to change
	 */
	public InvalidLookerPropertyException(String property, String description, String action) {
		super(description);
		this.property = property;
		this.action = action;
	}

	/**
	 * Returns the full name of the property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Returns what to change to fix the configuration.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
