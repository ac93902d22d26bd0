package dev.assay.models.http;

import dev.assay.core.error.Excerpt;
import dev.assay.core.error.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks the address of a model server before anything is sent: an absolute {@code http} or
 * {@code https} URL with a host, a port from 1 to 65535 if any, and no user name or password
 * (credentials go in a header or a token variable, not in a URL that reports and logs show).
 */
final class ModelUrl {
    private static final String EXPECTED = "Expected http://HOST[:PORT][/PATH] or https://..., e.g. http://localhost:8080, "
            + "with a port from 1 to 65535.";

    private ModelUrl() {
    }

    /**
     * The URL {@code text}.
     *
     * @throws InvalidInputException quoting the text and the expected form when it is not such a URL
     */
    static URI parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The model URL '" + Excerpt.of(text) + "' is not a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "") + "). " + EXPECTED, e);
        }
        return check(uri);
    }

    /**
     * {@code uri}, checked.
     *
     * @throws InvalidInputException quoting the URL and the expected form when it is not such a URL
     */
    static URI check(URI uri) {
        String display = uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "***");
        String shown = "The model URL '" + Excerpt.of(display) + "'";
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidInputException(shown + (scheme == null ? " has no scheme" : " uses " + scheme + "://, which Assay "
                    + "does not call") + ". " + EXPECTED);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(shown + " holds a user name or password. Leave credentials out of the URL (reports "
                    + "and logs show it): send a token with token_env (bearerTokenVariable) or a header instead.");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException(shown + " has no valid host" + (uri.getRawAuthority() == null ? ""
                    : " in '" + Excerpt.of(uri.getRawAuthority()) + "'") + ". " + EXPECTED);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidInputException(shown + " has the port " + uri.getPort() + ". " + EXPECTED);
        }
        return uri;
    }
}
