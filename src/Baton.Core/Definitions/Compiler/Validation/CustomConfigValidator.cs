using Baton.Definitions.Compiler.Binding;
using NJsonSchema;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Checks the configuration of custom-kind steps against the JSON Schema their executor declared. Templates match any
/// value (see <see cref="TemplateErrors"/>); everything else is checked where it is written.
/// </summary>
internal static class CustomConfigValidator
{
    public static void Check(IEnumerable<CustomConfigSite> sites, DiagnosticBag diagnostics)
    {
        var schemas = new Dictionary<string, JsonSchema?>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            if (!schemas.TryGetValue(site.Kind, out var schema))
            {
                schema = Load(site, diagnostics);
                schemas[site.Kind] = schema;
            }

            if (schema is null)
            {
                continue;
            }

            var data = site.Node.ToJson();
            foreach (var error in TemplateErrors.Standing(SchemaValidation.Validate(schema, data), site.Node))
            {
                var path = error.Path ?? "#";
                var (node, entry) = YamlPath.Locate(site.Node, path);
                var location = error.Kind == NJsonSchema.Validation.ValidationErrorKind.NoAdditionalPropertiesAllowed && entry is not null ? entry.Key.Location : node.Location;
                var field = JsonPaths.Display(path);
                var subject = field.Length == 0 ? $"The '{site.Kind}' configuration" : $"'{field}'";
                diagnostics.Error(
                    DiagnosticCodes.CustomConfigInvalid,
                    location,
                    $"{subject} {SchemaMessages.Describe(error, JsonPaths.Find(data, path))} (the '{site.Kind}' step's configuration schema).");
            }
        }
    }

    private static JsonSchema? Load(CustomConfigSite site, DiagnosticBag diagnostics)
    {
        try
        {
            return SchemaValidation.Load(site.Schema.ToJsonString());
        }
        catch (Exception ex)
        {
            diagnostics.Error(
                DiagnosticCodes.CustomConfigInvalid,
                site.Node.Location,
                $"The configuration schema registered for kind '{site.Kind}' cannot be loaded, so this configuration cannot be checked: {ex.Message}");
            return null;
        }
    }
}
