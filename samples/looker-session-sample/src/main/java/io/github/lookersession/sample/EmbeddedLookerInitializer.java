package io.github.lookersession.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lookersession.test.FakeLooker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * {@link ApplicationContextInitializer} that starts a {@link FakeLooker} on
 * {@code 127.0.0.1} when {@code looker.base-url} is not set, for example through the
 * {@code LOOKER_BASE_URL} environment variable.
 *
 * <p>
 * It runs before any bean is created, so the Looker client gets the fake's base URL and
 * credentials, which take precedence over other {@code looker.client-id} and
 * {@code looker.client-secret} values. The fake's tokens expire after
 * {@code sample.embedded-looker.token-lifetime}. The initializer sets
 * {@code looker.token-refresh-margin} to
 * {@code sample.embedded-looker.token-refresh-margin} and, unless it is set,
 * {@code sample.probe-model} to the fake's model that exists only in {@code dev}.
 *
 * <p>
 * An {@link EmbeddedLooker} bean named {@value #BEAN_NAME} stops the fake. It is
 * registered, and so created, before the application's own beans, so it is destroyed
 * after them and the fake still runs when the client revokes its token on shutdown.
 */
public class EmbeddedLookerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * Name of the {@link EmbeddedLooker} bean.
	 */
	public static final String BEAN_NAME = "embeddedFakeLooker";

	private static final String PROPERTY_SOURCE_NAME = "embeddedFakeLooker";

	private static final String PROBE_MODEL_PROPERTY = "sample.probe-model";

	private static final Log logger = LogFactory.getLog(EmbeddedLookerInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (StringUtils.hasText(environment.getProperty("looker.base-url"))) {
			return;
		}
		if (!(context instanceof GenericApplicationContext registry)) {
			throw new IllegalStateException("Cannot register the embedded fake Looker in a "
					+ context.getClass().getName() + ", which is not a GenericApplicationContext");
		}
		SampleProperties.EmbeddedLooker settings = Binder.get(environment)
			.bindOrCreate("sample", SampleProperties.class)
			.embeddedLooker();
		FakeLooker looker = FakeLooker.builder().tokenLifetime(settings.tokenLifetime()).build();
		looker.start();
		registry.registerBean(BEAN_NAME, EmbeddedLooker.class, () -> new EmbeddedLooker(looker),
				(definition) -> definition.setDestroyMethodName("close"));
		Map<String, Object> properties = new LinkedHashMap<>(looker.properties());
		properties.put("looker.token-refresh-margin", settings.tokenRefreshMargin());
		if (!environment.containsProperty(PROBE_MODEL_PROPERTY)) {
			properties.put(PROBE_MODEL_PROPERTY, FakeLooker.DEFAULT_DEV_ONLY_LOOKML_MODEL);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		logger.info("looker.base-url is not set, so the sample started an embedded fake Looker at "
				+ looker.baseUrl() + " whose tokens expire after " + settings.tokenLifetime().toSeconds()
				+ " s; set LOOKER_BASE_URL, LOOKER_CLIENT_ID and LOOKER_CLIENT_SECRET to use a real Looker instance");
	}

}
