package io.ferrymq.jms.selector;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The filter policy produced for a set of selectors, and whether it is exact (accepts exactly what the selector
 * selects). Doubles as documentation: numbers of identifier x travel as attribute x-num, everything else as x.
 * Policies are written with single quotes; "none" means no policy (every message is delivered).
 */
class SelectorPushDownTableTest {
    private static final boolean EXACT = true;
    private static final boolean WIDER = false;

    static Stream<Arguments> table() {
        return Stream.of(
                // strings
                row("color = 'blue'", "{'color':['blue']}", EXACT),
                row("color IN ('blue', 'red')", "{'color':['blue','red']}", EXACT),
                row("color = 'blue' OR color = 'red'", "{'color':['blue','red']}", EXACT),
                row("color <> 'blue'", "{'color':[{'anything-but':'blue'}]}", WIDER), // also booleans, NaN
                row("color NOT IN ('blue', 'red')", "{'color':[{'anything-but':['blue','red']}]}", WIDER),
                row("NOT (color = 'blue')", "{'$or':[{'color-num':[{'exists':true}]},"
                        + "{'color':[{'anything-but':'blue'}]}]}", EXACT),
                row("color = ''", "{'color':['']}", EXACT),
                row("name LIKE 'ab%'", "{'name':[{'prefix':'ab'}]}", EXACT),
                row("name LIKE '%.png'", "{'name':[{'suffix':'.png'}]}", EXACT),
                row("name LIKE '%'", "{'name':[{'prefix':''}]}", EXACT),
                row("name LIKE 'a!%b' ESCAPE '!'", "{'name':['a%b']}", EXACT),
                row("name LIKE 'ab_d%'", "{'name':[{'prefix':'ab'}]}", WIDER),
                row("name LIKE 'a%z'", "{'name':[{'prefix':'a'}]}", WIDER),
                row("name NOT LIKE 'ab%'", "{'name':[{'anything-but':{'prefix':'ab'}}]}", WIDER),
                // numbers
                row("weight = 2500", "{'weight-num':[2500]}", EXACT),
                row("weight > 2500", "{'weight-num':[{'numeric':['>',2500]}]}", EXACT),
                row("2500 <= weight", "{'weight-num':[{'numeric':['>=',2500]}]}", EXACT),
                row("weight > 1 AND weight < 10", "{'weight-num':[{'numeric':['>',1,'<',10]}]}", EXACT),
                row("weight BETWEEN 1 AND 10", "{'weight-num':[{'numeric':['>=',1,'<=',10]}]}", EXACT),
                row("weight NOT BETWEEN 1 AND 10", "{'weight-num':[{'numeric':['<',1]},{'numeric':['>',10]}]}",
                        EXACT),
                row("weight <> 0", "{'$or':[{'weight-num':[{'numeric':['<',0]},{'numeric':['>',0]}]},"
                        + "{'weight':[null]}]}", EXACT), // null is NaN, which <> 0 selects
                row("NOT (weight > 5)", "{'$or':[{'weight-num':[{'numeric':['<=',5]}]},"
                        + "{'weight':[{'exists':true}]}]}", EXACT), // non-numbers compare FALSE
                row("price = 0.25", "{'price-num':[0.25]}", EXACT),
                row("price > 2 * 3", "{'price-num':[{'numeric':['>',6]}]}", EXACT),
                row("weight > 5000000000", "{'weight-num':[{'numeric':['>',1000000000]}]}", WIDER),
                row("price = 0.0000001", "{'price-num':[{'numeric':['>=',0,'<=',0.00001]}]}", WIDER),
                // booleans
                row("urgent", "{'urgent':[true]}", EXACT),
                row("urgent = TRUE", "{'urgent':[true]}", EXACT),
                row("NOT urgent", "{'urgent':[false]}", EXACT),
                row("urgent <> TRUE", "{'urgent':[false]}", EXACT),
                // NULL
                row("region IS NULL", "{'region':[{'exists':false}],'region-num':[{'exists':false}]}", EXACT),
                row("region IS NOT NULL", "{'$or':[{'region-num':[{'exists':true}]},{'region':[{'exists':true}]}]}",
                        EXACT),
                // headers
                row("JMSType = 'car' AND color = 'blue' AND weight > 2500",
                        "{'JMSType':['car'],'color':['blue'],'weight-num':[{'numeric':['>',2500]}]}", EXACT),
                row("JMSPriority >= 7", "{'JMSPriority-num':[{'numeric':['>=',7]}]}", EXACT),
                row("JMSDeliveryMode = 'PERSISTENT'", "{'JMSDeliveryMode':['PERSISTENT']}", EXACT),
                row("JMSCorrelationID LIKE 'order-%'", "{'JMSCorrelationID':[{'prefix':'order-'}]}", EXACT),
                // AND, OR, NOT
                row("color = 'blue' OR weight < 2500",
                        "{'$or':[{'color':['blue']},{'weight-num':[{'numeric':['<',2500]}]}]}", EXACT),
                row("region = 'eu' AND (color = 'blue' OR urgent)",
                        "{'region':['eu'],'$or':[{'color':['blue']},{'urgent':[true]}]}", EXACT),
                row("NOT (color = 'red' AND urgent)", "{'$or':[{'color-num':[{'exists':true}]},"
                        + "{'color':[{'anything-but':'red'}]},{'urgent':[false]}]}", EXACT),
                row("NOT (color = 'red' AND urgent = TRUE)", "{'$or':[{'color-num':[{'exists':true}]},"
                        + "{'color':[{'anything-but':'red'}]},{'urgent-num':[{'exists':true}]},"
                        + "{'urgent':[false,{'prefix':''},null]}]}", EXACT), // = TRUE is FALSE for a non-boolean
                row("color = 'blue' AND color = 'red'", "{'JMSPriority-num':[{'exists':false}]}", EXACT), // never
                // what SNS cannot say: only that the identifiers are there, or nothing
                row("weight * 2 > 10", "{'$or':[{'weight-num':[{'exists':true}]},{'weight':[{'exists':true}]}]}",
                        WIDER),
                row("a = b", "{'$or':[{'a-num':[{'exists':true}],'b-num':[{'exists':true}]},{'a-num':[{'exists':true}],"
                        + "'b':[{'exists':true}]},{'a':[{'exists':true}],'b-num':[{'exists':true}]},"
                        + "{'a':[{'exists':true}],'b':[{'exists':true}]}]}", WIDER),
                row("color = 'blue' AND weight + 1 > 5", "{'color':['blue'],'$or':[{'weight-num':[{'exists':true}]},"
                        + "{'weight':[{'exists':true}]}]}", WIDER),
                row("(weight + 1) IS NULL", "none", WIDER),
                row("JMSXDeliveryCount > 1", "none", WIDER), // set at receipt, after SNS filtered
                row("$price > 1", "none", WIDER), // SNS refuses '$' in attribute names
                // constants
                row("TRUE", "none", EXACT),
                row("FALSE", "{'JMSPriority-num':[{'exists':false}]}", EXACT),
                // limits: 5 attributes, 150 combinations
                row("c1 = 'x' AND c2 = 'x' AND c3 = 'x' AND c4 = 'x' AND c5 = 'x' AND c6 = 'x'",
                        "{'c1':['x'],'c2':['x'],'c3':['x'],'c4':['x'],'c5':['x']}", WIDER),
                row("a IN (" + values(151) + ")", "{'a':[{'exists':true}]}", WIDER),
                row("a IN (" + values(10) + ") AND b IN (" + values(10) + ") AND c IN (" + values(2) + ")",
                        "{'a':[" + quoted(10) + "],'b':[{'exists':true}],'c':[" + quoted(2) + "]}", WIDER));
    }

    private static Arguments row(String selector, String policy, boolean exact) {
        return arguments(selector, policy.equals("none") ? "none" : policy.replace('\'', '"'), exact);
    }

    private static String values(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("'v").append(i).append('\'');
        }
        return b.toString();
    }

    private static String quoted(int n) {
        return values(n).replace(", ", ",");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void translates(String selector, String policy, boolean exact) throws Exception {
        PushDown p = SelectorPushDown.translate(selector);
        assertThat(p.filterPolicy().orElse("none")).isEqualTo(policy);
        assertThat(p.exact()).as("exact").isEqualTo(exact);
    }
}
