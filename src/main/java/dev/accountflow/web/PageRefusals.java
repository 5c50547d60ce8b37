package dev.accountflow.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A form on a page that was refused: a bad field or a conflict comes back to the page, not being allowed is the error page. */
public final class PageRefusals {

    private PageRefusals() {
    }

    /** Puts a 400's or 409's details on the page as its problem; any other refusal becomes that status's page. */
    public static void showOrThrow(ApiException e, RedirectAttributes flash) {
        if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
            throw new ResponseStatusException(e.status(), e.getMessage());
        }
        flash.addFlashAttribute("problem", String.join("; ", e.details().isEmpty() ? List.of(e.getMessage())
                : e.details()));
    }
}
