package dev.accountflow.catalog;

import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import dev.accountflow.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The catalog: everyone signed in reads it, sales managers replace it as a whole. */
@Tag(name = "Products")
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    record ProductBody(String name, Set<Vertical> verticals, Map<Tier, BigDecimal> listArr, List<String> complements) {
    }

    @Operation(operationId = "listProducts", summary = "List the product catalog")
    @GetMapping
    List<Product> list() {
        return catalog.all();
    }

    @Operation(operationId = "replaceProducts", summary = "Replace the product catalog",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                examples = @ExampleObject(value = """
                        [
                          {
                            "name": "Analytics",
                            "verticals": [
                              "HEALTHCARE",
                              "FINANCIAL_SERVICES"
                            ],
                            "listArr": {
                              "STRATEGIC": 180000,
                              "ENTERPRISE": 120000,
                              "GROWTH": 60000
                            },
                            "complements": [
                              "Commerce Cloud"
                            ]
                          }
                        ]
                        """))))
    @PutMapping
    @PreAuthorize("hasRole('sales-managers')")
    List<Product> replace(@RequestBody List<ProductBody> body) {
        if (body == null) {
            throw ApiException.badRequest("Invalid catalog: products: a list of products", "products: a list of products");
        }
        List<Product> products = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            ProductBody row = body.get(i);
            String at = "products[" + i + "]";
            if (row == null) {
                throw ApiException.badRequest("Invalid catalog: " + at + ": must be a product", at + ": must be a product");
            }
            if (row.verticals() != null && row.verticals().contains(null)) {
                throw ApiException.badRequest("Invalid catalog: " + at + ".verticals: no empty entries",
                        at + ".verticals: no empty entries");
            }
            if (row.complements() != null && row.complements().stream().anyMatch(Objects::isNull)) {
                throw ApiException.badRequest("Invalid catalog: " + at + ".complements: no empty entries",
                        at + ".complements: no empty entries");
            }
            if (row.listArr() != null && row.listArr().containsValue(null)) {
                throw ApiException.badRequest("Invalid catalog: " + at + ".listArr: every tier needs an amount",
                        at + ".listArr: every tier needs an amount");
            }
            products.add(new Product(row.name(), row.verticals() == null ? Set.of() : row.verticals(),
                    row.listArr() == null ? Map.of() : row.listArr(),
                    row.complements() == null ? List.of() : row.complements()));
        }
        return catalog.replace(products);
    }
}
