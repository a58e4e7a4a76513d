package io.github.lookersession.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Looker API endpoints of a {@link FakeLooker}: login, sudo login, logout, the API
 * session and LookML models.
 *
 * <p>
 * Every request except a login must carry {@code Authorization: token <access_token>} or
 * {@code Authorization: Bearer <access_token>}, as Looker accepts both.
 */
final class LookerApi {

	private static final Set<String> WORKSPACES = Set.of(LookerSession.PRODUCTION, LookerSession.DEV);

	private static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

	private final Map<String, ClientRegistration> clients;

	private final Set<String> lookmlModels;

	private final Set<String> devOnlyLookmlModels;

	private final Duration tokenLifetime;

	private final Clock clock;

	private final SessionStore sessions;

	LookerApi(Map<String, ClientRegistration> clients, Set<String> lookmlModels, Set<String> devOnlyLookmlModels,
			Duration tokenLifetime, Clock clock, SessionStore sessions) {
		this.clients = Map.copyOf(clients);
		this.lookmlModels = Set.copyOf(lookmlModels);
		this.devOnlyLookmlModels = Set.copyOf(devOnlyLookmlModels);
		this.tokenLifetime = tokenLifetime;
		this.clock = clock;
		this.sessions = sessions;
	}

	LookerResponse handle(LookerRequest request, RequestRecord record) {
		String apiVersion = request.apiVersion();
		String method = request.method();
		String apiPath = request.apiPath();
		if (apiVersion == null) {
			if (method.equals("POST") && apiPath.equals("/login")) {
				return LookerResponse.json(403,
						LookerJson.error("Forbidden: API logins must be sent to /api/4.0/login or /api/3.1/login."));
			}
			return notFound();
		}

		if (apiPath.equals("/login")) {
			return method.equals("POST") ? login(request, apiVersion, record) : notFound();
		}
		if (apiPath.startsWith("/login/")) {
			String userId = apiPath.substring("/login/".length());
			return method.equals("POST") ? loginUser(request, apiVersion, userId, record) : notFound();
		}
		if (apiPath.equals("/logout")) {
			return method.equals("DELETE") ? logout(request, record) : notFound();
		}
		if (apiPath.equals("/session")) {
			return switch (method) {
				case "GET" -> getSession(request, apiVersion, record);
				case "PATCH" -> updateSession(request, apiVersion, record);
				default -> notFound();
			};
		}
		if (apiPath.startsWith("/lookml_models/")) {
			String name = apiPath.substring("/lookml_models/".length());
			return method.equals("GET") ? getLookmlModel(request, name, record) : notFound();
		}
		return notFound();
	}

	/**
	 * Records the session of the request's token and returns it, or returns {@code null}
	 * if the fake never issued the token. The token may have expired or been revoked.
	 */
	@Nullable LookerSession identifySession(LookerRequest request, RequestRecord record) {
		LookerSession session = findSession(request);
		if (session != null) {
			String workspace = session.workspace();
			record.session(session, workspace, workspace);
		}
		return session;
	}

	private long expiresInSeconds() {
		return Math.max(1, LookerJson.secondsRoundedUp(this.tokenLifetime));
	}

	private LookerResponse login(LookerRequest request, String apiVersion, RequestRecord record) {
		Map<String, List<String>> form = formParameters(request);
		String clientId = parameter(request, form, "client_id");
		String clientSecret = parameter(request, form, "client_secret");
		ClientRegistration client = (clientId != null) ? this.clients.get(clientId) : null;
		if (client == null || !client.clientSecret().equals(clientSecret)) {
			return notFound();
		}

		LookerSession session = issueToken(client.clientId(), client.userId(), null, client.permissions());
		record.session(session, null, session.workspace());
		return LookerResponse.json(200,
				LookerJson.accessToken(session.accessToken(), expiresInSeconds(), apiVersion));
	}

	private LookerResponse loginUser(LookerRequest request, String apiVersion, String userId, RequestRecord record) {
		LookerSession admin = authenticate(request, record);
		if (admin == null) {
			return unauthorized();
		}
		if (!admin.hasPermission(Permission.ADMIN)) {
			return LookerResponse.json(403,
					LookerJson.error("Permission denied: only an admin user can log in as another user."));
		}
		if (!userId.matches("[1-9][0-9]{0,17}")) {
			return notFound();
		}

		Set<Permission> permissions = this.clients.values()
			.stream()
			.filter((client) -> client.userId().equals(userId))
			.findFirst()
			.map(ClientRegistration::permissions)
			.orElse(Set.of());
		LookerSession session = issueToken(admin.clientId(), userId, admin.userId(), permissions);
		record.session(session, null, session.workspace());
		return LookerResponse.json(200,
				LookerJson.accessToken(session.accessToken(), expiresInSeconds(), apiVersion));
	}

	private LookerResponse logout(LookerRequest request, RequestRecord record) {
		LookerSession session = authenticate(request, record);
		if (session == null) {
			return unauthorized();
		}
		session.revoke();
		return LookerResponse.empty(204);
	}

	private LookerResponse getSession(LookerRequest request, String apiVersion, RequestRecord record) {
		LookerSession session = authenticate(request, record);
		if (session == null) {
			return unauthorized();
		}
		String workspace = session.workspace();
		record.session(session, workspace, workspace);
		return LookerResponse.json(200, LookerJson.apiSession(session, workspace, apiVersion));
	}

	private LookerResponse updateSession(LookerRequest request, String apiVersion, RequestRecord record) {
		LookerSession session = authenticate(request, record);
		if (session == null) {
			return unauthorized();
		}

		JsonNode body;
		try {
			body = LookerJson.read(request.body());
		}
		catch (JacksonException ex) {
			return LookerResponse.json(400, LookerJson.error("Invalid JSON in the request body."));
		}
		if (body == null || !body.isObject()) {
			return LookerResponse.json(400, LookerJson.error("The request body must be a JSON object."));
		}

		JsonNode workspaceId = body.get("workspace_id");
		if (workspaceId == null || workspaceId.isNull()) {
			String workspace = session.workspace();
			record.session(session, workspace, workspace);
			return LookerResponse.json(200, LookerJson.apiSession(session, workspace, apiVersion));
		}
		if (!workspaceId.isString() || !WORKSPACES.contains(workspaceId.stringValue())) {
			return LookerResponse.json(422, LookerJson.validationError("workspace_id", "invalid", "Workspace "
					+ workspaceId + " does not exist. Valid workspace ids are \"production\" and \"dev\"."));
		}

		String workspace = workspaceId.stringValue();
		if (workspace.equals(LookerSession.DEV) && !session.hasPermission(Permission.DEVELOP)) {
			return LookerResponse.json(403, LookerJson
				.error("Permission denied: selecting the dev workspace requires the develop permission."));
		}
		String previous = session.selectWorkspace(workspace);
		record.session(session, previous, workspace);
		return LookerResponse.json(200, LookerJson.apiSession(session, workspace, apiVersion));
	}

	private LookerResponse getLookmlModel(LookerRequest request, String name, RequestRecord record) {
		LookerSession session = authenticate(request, record);
		if (session == null) {
			return unauthorized();
		}
		String workspace = session.workspace();
		record.session(session, workspace, workspace);

		boolean visible = this.lookmlModels.contains(name)
				|| (workspace.equals(LookerSession.DEV) && this.devOnlyLookmlModels.contains(name));
		return visible ? LookerResponse.json(200, LookerJson.lookmlModel(name)) : notFound();
	}

	/**
	 * Returns the session of the request's token if the token is valid. A known token is
	 * recorded in the journal even if it has expired or was revoked.
	 */
	private @Nullable LookerSession authenticate(LookerRequest request, RequestRecord record) {
		LookerSession session = identifySession(request, record);
		return (session != null && session.isActive(this.clock.instant())) ? session : null;
	}

	private @Nullable LookerSession findSession(LookerRequest request) {
		String token = accessToken(request.authorization());
		return (token != null) ? this.sessions.find(token) : null;
	}

	private LookerSession issueToken(String clientId, String userId, @Nullable String sudoUserId,
			Set<Permission> permissions) {
		return this.sessions.create(clientId, userId, sudoUserId, permissions,
				this.clock.instant().plus(this.tokenLifetime));
	}

	private static @Nullable String accessToken(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		String value = authorization.trim();
		int space = value.indexOf(' ');
		if (space <= 0) {
			return null;
		}
		String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
		String token = value.substring(space + 1).trim();
		boolean knownScheme = scheme.equals("token") || scheme.equals("bearer");
		return (knownScheme && !token.isEmpty()) ? token : null;
	}

	private static Map<String, List<String>> formParameters(LookerRequest request) {
		String contentType = request.contentType();
		boolean form = contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith(FORM_CONTENT_TYPE);
		if (!form || request.body().isEmpty()) {
			return Map.of();
		}
		return new QueryStringDecoder(request.body(), StandardCharsets.UTF_8, false).parameters();
	}

	private static @Nullable String parameter(LookerRequest request, Map<String, List<String>> form, String name) {
		List<String> values = form.get(name);
		if (values != null && !values.isEmpty()) {
			return values.get(0);
		}
		return request.queryParameter(name);
	}

	private static LookerResponse notFound() {
		return LookerResponse.json(404, LookerJson.error("Not found"));
	}

	private static LookerResponse unauthorized() {
		return LookerResponse.json(401,
				LookerJson.error("Requires authentication.", LookerJson.AUTHORIZATION_DOCUMENTATION_URL));
	}

}
