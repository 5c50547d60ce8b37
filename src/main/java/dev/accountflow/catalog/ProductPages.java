package dev.accountflow.catalog;

import dev.accountflow.account.Tier;
import dev.accountflow.money.Money;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The catalog as a page for everyone signed in: verticals, list ARR per tier as people read money, complements. */
@Controller
class ProductPages {

    private final ProductCatalog catalog;

    ProductPages(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    record Row(String name, String verticals, String strategic, String enterprise, String growth, String complements) {
    }

    @GetMapping("/products")
    String products(Model model) {
        List<Row> rows = catalog.all().stream().map(p -> new Row(p.name(),
                p.verticals().stream().sorted().map(v -> readable(v.name())).collect(Collectors.joining(", ")),
                Money.format(p.listArrFor(Tier.STRATEGIC)), Money.format(p.listArrFor(Tier.ENTERPRISE)),
                Money.format(p.listArrFor(Tier.GROWTH)), String.join(", ", p.complements()))).toList();
        model.addAttribute("rows", rows);
        return "catalog/products";
    }

    private static String readable(String constant) {
        return Arrays.stream(constant.toLowerCase().split("_")).collect(Collectors.joining(" "))
                .transform(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1));
    }
}
