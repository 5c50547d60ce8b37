package dev.accountflow.catalog;

import dev.accountflow.account.Tier;
import dev.accountflow.account.Vertical;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One catalog product: the verticals it fits, its list ARR per account tier and the products it complements. */
public record Product(String name, Set<Vertical> verticals, Map<Tier, BigDecimal> listArr, List<String> complements) {

    public Product {
        verticals = Set.copyOf(verticals);
        listArr = Map.copyOf(listArr);
        complements = List.copyOf(complements);
    }

    public BigDecimal listArrFor(Tier tier) {
        return listArr.get(tier);
    }

    public boolean fits(Vertical vertical) {
        return verticals.contains(vertical);
    }
}
