using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Checks the parts of an <c>http</c> configuration that hold no template.</summary>
internal static class HttpChecks
{
    public static void Check(MappingNode map, DiagnosticBag diagnostics)
    {
        CheckMethod(ConfigChecks.String(diagnostics, map["method"], "method"), diagnostics);
        CheckUrl(ConfigChecks.String(diagnostics, map["url"], "url"), diagnostics);
        ConfigChecks.ScalarMap(diagnostics, map["headers"], "headers", entry =>
        {
            if (!Regexes.HeaderName().IsMatch(entry.Name))
            {
                diagnostics.Error(DiagnosticCodes.InvalidHttp, entry.Key.Location, $"'{entry.Name}' is not a valid HTTP header name.");
            }
        });
        ConfigChecks.ScalarMap(diagnostics, map["query"], "query", _ => { });
        CheckExpect(map["expect"], diagnostics);
        ConfigChecks.PositiveIntegerOrTemplate(diagnostics, map["max-response-bytes"], "max-response-bytes");
    }

    private static void CheckMethod(ScalarNode? method, DiagnosticBag diagnostics)
    {
        if (method is null || ConfigChecks.HasExpression(method) || LanguageSpec.HttpMethods.Contains(method.Value))
        {
            return;
        }

        var upper = method.Value.ToUpperInvariant();
        var hint = LanguageSpec.HttpMethods.Contains(upper) ? $" Write '{upper}'." : string.Empty;
        diagnostics.Error(
            DiagnosticCodes.InvalidHttp,
            method.Location,
            $"'{method.Value}' is not an HTTP method; use one of {string.Join(", ", LanguageSpec.HttpMethods)}.{hint}");
    }

    private static void CheckUrl(ScalarNode? url, DiagnosticBag diagnostics)
    {
        if (url is null)
        {
            return;
        }

        var text = url.Value;
        var templateStart = text.IndexOf("${{", StringComparison.Ordinal);
        var literal = templateStart < 0 ? text : text[..templateStart];
        var schemeEnd = literal.IndexOf("://", StringComparison.Ordinal);
        if (templateStart >= 0 && schemeEnd < 0)
        {
            return;
        }

        var valid = templateStart < 0
            ? Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            : literal[..schemeEnd] is "http" or "https";
        if (!valid)
        {
            diagnostics.Error(DiagnosticCodes.InvalidHttp, url.Location, $"'{text}' is not an absolute http or https URL.");
        }
    }

    private static void CheckExpect(SyntaxNode? node, DiagnosticBag diagnostics)
    {
        if (node is null || ConfigChecks.HasExpression(node))
        {
            return;
        }

        if (node is SequenceNode list)
        {
            if (list.Items.Count == 0)
            {
                diagnostics.Error(DiagnosticCodes.EmptyCollection, list.Location, "'expect' needs at least one status; remove it to accept any 2xx status.");
            }

            foreach (var item in list.Items)
            {
                CheckStatus(item, diagnostics);
            }
        }
        else
        {
            CheckStatus(node, diagnostics);
        }
    }

    private static void CheckStatus(SyntaxNode node, DiagnosticBag diagnostics)
    {
        var valid = node switch
        {
            ScalarNode { Kind: ScalarKind.Integer } status => CoreSchema.ToInt64(status.Value) is >= 100 and <= 599,
            ScalarNode { IsString: true } status => Regexes.StatusClass().IsMatch(status.Value),
            _ => false,
        };
        if (!valid)
        {
            var shown = node is ScalarNode scalar ? $"'{scalar.Value}'" : node.Describe();
            diagnostics.Error(
                DiagnosticCodes.InvalidHttp,
                node.Location,
                $"'expect' takes HTTP statuses from 100 to 599 or classes such as \"2xx\", not {shown}.");
        }
    }
}
