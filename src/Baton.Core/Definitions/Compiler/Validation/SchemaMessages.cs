using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema.Validation;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Turns NJsonSchema validation errors about a value into the end of a sentence: "is required", "must be a string, not a number".</summary>
internal static class SchemaMessages
{
    public static string Describe(ValidationError error, JsonNode? actual)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "is required",
            ValidationErrorKind.StringExpected => $"must be a string, not {TypeName(actual)}",
            ValidationErrorKind.NumberExpected => $"must be a number, not {TypeName(actual)}",
            ValidationErrorKind.IntegerExpected => $"must be an integer, not {TypeName(actual)}",
            ValidationErrorKind.BooleanExpected => $"must be true or false, not {TypeName(actual)}",
            ValidationErrorKind.ObjectExpected => $"must be an object, not {TypeName(actual)}",
            ValidationErrorKind.ArrayExpected => $"must be a list, not {TypeName(actual)}",
            ValidationErrorKind.NullExpected => $"must be null, not {TypeName(actual)}",
            ValidationErrorKind.NoTypeValidates => $"must be {string.Join(" or ", TypeNames(schema))}, not {TypeName(actual)}",
            ValidationErrorKind.PatternMismatch => $"must match the pattern '{schema?.Pattern}'",
            ValidationErrorKind.StringTooShort => $"must be at least {schema?.MinLength} characters long",
            ValidationErrorKind.StringTooLong => $"must be at most {schema?.MaxLength} characters long",
            ValidationErrorKind.NumberTooSmall => schema?.ExclusiveMinimum is { } exMin ? $"must be more than {Number(exMin)}" : $"must be at least {Number(schema?.Minimum)}",
            ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig
                => schema?.ExclusiveMaximum is { } exMax ? $"must be less than {Number(exMax)}" : $"must be at most {Number(schema?.Maximum)}",
            ValidationErrorKind.NumberNotMultipleOf or ValidationErrorKind.IntegerNotMultipleOf => $"must be a multiple of {Number(schema?.MultipleOf)}",
            ValidationErrorKind.TooManyItems => $"must have at most {schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"must have at least {schema?.MinItems} items",
            ValidationErrorKind.ItemsNotUnique => "must not repeat an item",
            ValidationErrorKind.TooManyProperties => $"must have at most {schema?.MaxProperties} properties",
            ValidationErrorKind.TooFewProperties => $"must have at least {schema?.MinProperties} properties",
            ValidationErrorKind.NotInEnumeration => $"must be one of {string.Join(", ", schema?.Enumeration.Select(Literal) ?? [])}",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not an allowed property",
            ValidationErrorKind.NotAnyOf => "does not match any of the allowed forms",
            ValidationErrorKind.NotOneOf => "must match exactly one of the allowed forms",
            ValidationErrorKind.NotAllOf => "does not match all of the required forms",
            // A schema author says why a form is excluded in the excluded schema's description.
            ValidationErrorKind.ExcludedSchemaValidates => schema?.Not?.Description is { Length: > 0 } why
                ? $"matches a form that is not allowed: {why}"
                : "matches a form that is not allowed",
            ValidationErrorKind.DateTimeExpected => "must be a date and time such as 2026-12-01T09:00:00Z",
            ValidationErrorKind.DateExpected => "must be a date such as 2026-12-01",
            ValidationErrorKind.TimeExpected => "must be a time such as 09:00:00",
            ValidationErrorKind.TimeSpanExpected => "must be a duration",
            ValidationErrorKind.UriExpected => "must be a URI",
            ValidationErrorKind.EmailExpected => "must be an email address",
            ValidationErrorKind.HostnameExpected => "must be a host name",
            ValidationErrorKind.IpV4Expected => "must be an IPv4 address",
            ValidationErrorKind.IpV6Expected => "must be an IPv6 address",
            ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => "must be a UUID",
            ValidationErrorKind.Base64Expected => "must be base64 text",
            ValidationErrorKind.TooManyItemsInTuple => "has more items than allowed",
            _ => "is not valid",
        };
    }

    public static string TypeName(JsonNode? value) => JsonKinds.Describe(value);

    private static IEnumerable<string> TypeNames(NJsonSchema.JsonSchema? schema)
    {
        if (schema is null)
        {
            yield break;
        }

        foreach (var type in Enum.GetValues<NJsonSchema.JsonObjectType>().Where(t => t != NJsonSchema.JsonObjectType.None && t != NJsonSchema.JsonObjectType.File && schema.Type.HasFlag(t)))
        {
            yield return type switch
            {
                NJsonSchema.JsonObjectType.Array => "a list",
                NJsonSchema.JsonObjectType.Object => "an object",
                NJsonSchema.JsonObjectType.Integer => "an integer",
                NJsonSchema.JsonObjectType.Null => "null",
                NJsonSchema.JsonObjectType.Boolean => "a boolean",
                NJsonSchema.JsonObjectType.Number => "a number",
                _ => "a string",
            };
        }
    }

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
