package dev.accountflow.web;

import java.util.List;

public record ApiError(String error, List<String> details) {
}
