using Baton.Definitions.Compiler.Binding;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Checks the configuration of custom-kind steps against the JSON Schema their executor declared. Templates match any
/// value (see <see cref="TemplateErrors"/>); everything else is checked where it is written. A configuration value that
/// is itself a schema (see <see cref="SchemaFields"/>) is checked like the inputs schema.
/// </summary>
internal static class CustomConfigValidator
{
    public static void Check(IEnumerable<CustomConfigSite> sites, DiagnosticBag diagnostics)
    {
        var schemas = new Dictionary<string, LoadedSchema?>(StringComparer.Ordinal);
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
                var field = JsonPaths.Display(error.Path);
                var subject = field.Length == 0 ? $"The '{site.Kind}' configuration" : $"'{field}'";
                diagnostics.Error(
                    DiagnosticCodes.CustomConfigInvalid,
                    YamlPath.LocationOf(site.Node, error.Path, error.IsUnknownMember),
                    $"{subject} {SchemaMessages.Describe(error, JsonPaths.Find(data, error.Path))} (the '{site.Kind}' step's configuration schema).");
            }

            foreach (var (path, node) in SchemaFields.Find(site.Schema, site.Node))
            {
                if (node is MappingNode && !TemplateErrors.HoldsTemplate(node))
                {
                    SchemaDiagnostics.Report(node, node.ToJson()!, $"the {site.Kind}.{JsonPaths.Display(path)}", DiagnosticCodes.SchemaValueInvalid, diagnostics);
                }
            }
        }
    }

    private static LoadedSchema? Load(CustomConfigSite site, DiagnosticBag diagnostics)
    {
        if (SchemaValidation.TryLoad(site.Schema, out var schema, out var problem))
        {
            return schema;
        }

        diagnostics.Error(
            DiagnosticCodes.CustomConfigInvalid,
            site.Node.Location,
            $"The configuration schema registered for kind '{site.Kind}' cannot be loaded, so this configuration cannot be checked: {problem}");
        return null;
    }
}
