package io.github.lookersession;

import reactor.core.publisher.Mono;

/**
 * Callback that runs after every new Looker login, before the new access token is used
 * for any other request.
 *
 * <p>
 * All hook beans run one after another in their {@link org.springframework.core.Ordered
 * order}, each once per login. The built-in hook that selects the configured workspace
 * has the order {@link #WORKSPACE_HOOK_ORDER}, so hooks with a higher order value, and
 * hooks without an order, already run in the desired workspace.
 *
 * <p>
 * A hook that signals an error fails the login: the new token is revoked and every
 * request waiting for it receives a {@link LookerApiException}. The next request tries a
 * fresh login.
 */
@FunctionalInterface
public interface LookerPostLoginHook {

	/**
	 * Order of the built-in workspace hook.
	 */
	int WORKSPACE_HOOK_ORDER = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 100;

	/**
	 * Runs this hook for a new login.
	 * @param context the new login, with a web client bound to its token
	 * @return a {@code Mono} that completes when the hook is done
	 */
	Mono<Void> afterLogin(LookerPostLoginContext context);

}
