package io.automark.command.behavior;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The purchases and cancellations of 2010-12-01 in the UCI Online Retail data, as behaviour events whose times are
 * moved so that {@code dayStartsAt} (UK time that day) falls on a chosen instant.
 */
final class OnlineRetailDay {

    private static final DateTimeFormatter INVOICE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OnlineRetailDay() {
    }

    /** One invoice line of a known customer. */
    record Line(String customerId, boolean cancellation, LocalDateTime at, String country, String stockCode,
                int quantity, double amount) {
    }

    static List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream csv = OnlineRetailDay.class.getResourceAsStream("/online_retail/online_retail_2010-12-01.csv");
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String customer = row.get("CustomerID");
                if (customer == null || customer.isBlank()) {
                    continue;
                }
                int quantity = Integer.parseInt(row.get("Quantity"));
                lines.add(new Line(customer.replace(".0", ""), row.get("InvoiceNo").startsWith("C"),
                        LocalDateTime.parse(row.get("InvoiceDate"), INVOICE_TIME), row.get("Country"),
                        row.get("StockCode"), quantity, quantity * Double.parseDouble(row.get("UnitPrice"))));
            }
        }
        return lines;
    }

    /** The lines as events; a line at {@code anchor} (UK time) happens at {@code at}. */
    static List<Map<String, Object>> events(List<Line> lines, LocalDateTime anchor, Instant at) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("userId", line.customerId());
            event.put("type", line.cancellation() ? "cancel" : "purchase");
            event.put("occurredAt", at.plus(Duration.between(anchor, line.at())).toString());
            event.put("properties", Map.of("country", line.country(), "stockCode", line.stockCode(),
                    "quantity", line.quantity(), "amount", line.amount()));
            events.add(event);
        }
        return events;
    }
}
