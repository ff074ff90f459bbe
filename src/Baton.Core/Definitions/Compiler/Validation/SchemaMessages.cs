using System.Globalization;
using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Turns schema errors about a value into the end of a sentence: "is required", "must be a string, not a number".</summary>
/// <remarks>Limits are quoted as the schema writes them, so that a number of any size reads exactly as written.</remarks>
internal static class SchemaMessages
{
    public static string Describe(SchemaError error, JsonNode? actual)
    {
        if (error.TimedOut)
        {
            return $"could not be checked: matching {(error.AboutName ? "its name" : "it")} against the pattern '{error.Reason}' took too long (over {SchemaPatterns.MatchTimeout.TotalMilliseconds} ms); simplify the pattern";
        }

        if (error.AboutName)
        {
            var name = error.Path.Count > 0 && error.Path[^1] is string last ? JsonValue.Create(last) : actual;
            return error.FalseSchema ? "is not an allowed name" : $"is not an allowed name: the name {Describe(error with { AboutName = false }, name)}";
        }

        var schema = error.Schema as JsonObject;
        if (error.FalseSchema)
        {
            return error.Keyword switch
            {
                "additionalProperties" or "unevaluatedProperties" or "properties" or "patternProperties" => "is not an allowed property",
                "items" or "prefixItems" or "unevaluatedItems" or "additionalItems" => "is not allowed: the list holds more items than the schema allows",
                _ => "is not allowed",
            };
        }

        return error.Keyword switch
        {
            "type" => $"must be {string.Join(" or ", TypeNames(schema?["type"]))}, not {TypeName(actual)}",
            "required" => "is required",
            "dependentRequired" => $"is required when '{error.Trigger}' is given",
            "enum" => $"must be one of {string.Join(", ", (schema?["enum"] as JsonArray ?? []).Select(Literal))}",
            "const" => $"must be {Literal(schema?["const"])}",
            "pattern" => $"must match the pattern '{SchemaReferences.Text(schema?["pattern"])}'",
            "minLength" => $"must be at least {Raw(schema?["minLength"])} characters long",
            "maxLength" => $"must be at most {Raw(schema?["maxLength"])} characters long",
            "minimum" => $"must be at least {Raw(schema?["minimum"])}",
            "maximum" => $"must be at most {Raw(schema?["maximum"])}",
            "exclusiveMinimum" => $"must be more than {Raw(schema?["exclusiveMinimum"])}",
            "exclusiveMaximum" => $"must be less than {Raw(schema?["exclusiveMaximum"])}",
            "multipleOf" => $"must be a multiple of {Raw(schema?["multipleOf"])}",
            "minItems" => $"must have at least {Raw(schema?["minItems"])} items",
            "maxItems" => $"must have at most {Raw(schema?["maxItems"])} items",
            "uniqueItems" => "must not repeat an item",
            "minProperties" => $"must have at least {Raw(schema?["minProperties"])} properties",
            "maxProperties" => $"must have at most {Raw(schema?["maxProperties"])} properties",
            "contains" => Contains(error, schema),
            "anyOf" => "does not match any of the allowed forms",
            "oneOf" => error.Alternatives.Count(a => a.Count == 0) > 1
                ? "matches more than one of the allowed forms; it must match exactly one"
                : "must match exactly one of the allowed forms",

            // A schema author says why a form is excluded in the excluded schema's description.
            "not" => SchemaReferences.Text(schema?["not"]?["description"]) is { Length: > 0 } why
                ? $"matches a form that is not allowed: {why}"
                : "matches a form that is not allowed",
            "format" => Format(SchemaReferences.Text(schema?["format"])),
            SchemaResults.Unchecked => $"could not be checked against the schema: {error.Reason}",
            _ => "does not match the schema",
        };
    }

    public static string TypeName(JsonNode? value) => JsonKinds.Describe(value);

    private static IEnumerable<string> TypeNames(JsonNode? type)
    {
        var names = type is JsonArray list ? list.Select(SchemaReferences.Text) : [SchemaReferences.Text(type)];
        return names.Select(name => name switch
        {
            "array" => "a list",
            "object" => "an object",
            "integer" => "an integer",
            "null" => "null",
            "boolean" => "true or false",
            "number" => "a number",
            "string" => "a string",
            _ => $"'{name}'",
        });
    }

    private static string Contains(SchemaError error, JsonObject? schema)
    {
        var minimum = schema?["minContains"] is { } min ? Raw(min) : "1";
        if (schema?["maxContains"] is { } max && error.Matches >= AtLeast(minimum))
        {
            return $"must hold at most {Raw(max)} items that match the 'contains' schema";
        }

        return minimum == "1" ? "must hold an item that matches the 'contains' schema" : $"must hold at least {minimum} items that match the 'contains' schema";
    }

    private static decimal AtLeast(string number)
        => decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : decimal.MaxValue;

    private static string Format(string? format) => format switch
    {
        "date-time" => "must be a date and time such as 2026-12-01T09:00:00Z",
        "date" => "must be a date such as 2026-12-01",
        "time" => "must be a time such as 09:00:00Z",
        "duration" => "must be an ISO 8601 duration such as P1DT2H",
        "uri" => "must be a URI",
        "uri-reference" => "must be a URI reference",
        "iri" => "must be an IRI",
        "iri-reference" => "must be an IRI reference",
        "uri-template" => "must be a URI template",
        "email" or "idn-email" => "must be an email address",
        "hostname" or "idn-hostname" => "must be a host name",
        "ipv4" => "must be an IPv4 address",
        "ipv6" => "must be an IPv6 address",
        "uuid" => "must be a UUID",
        "regex" => "must be a regular expression",
        "json-pointer" => "must be a JSON Pointer such as /a/0",
        "relative-json-pointer" => "must be a relative JSON Pointer",
        _ => $"must be in the '{format}' format",
    };

    private static string Raw(JsonNode? value) => value?.ToJsonString() ?? "?";

    private static string Literal(JsonNode? value) => SchemaReferences.Text(value) is { } text ? $"'{text}'" : value?.ToJsonString() ?? "null";
}
