package io.automark.ops.demo;

/** The API answered with a status the demo did not expect. */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(String request, int status, String body) {
        super(request + " answered " + status + ": " + abbreviate(body));
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String abbreviate(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
