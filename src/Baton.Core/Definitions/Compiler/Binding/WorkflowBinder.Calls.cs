using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Validation;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private WorkflowCallStep BindWorkflowCall(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        string? path = null;
        WorkflowDefinition? child = null;
        ValueTemplate? inputs = null;
        if (Mapping(node, "workflow", "a mapping with a 'path'") is { } map)
        {
            CheckKeys(map, LanguageSpec.WorkflowCall);
            if (map["path"] is { } pathNode && StringScalar(pathNode, "path") is { } pathScalar)
            {
                path = pathScalar.Value;
                if (HasExpression(pathScalar))
                {
                    _diagnostics.Error(
                        DiagnosticCodes.ExpressionPlacement,
                        pathScalar.Location,
                        "'path' must be a fixed file path, not a template: the child workflow is compiled and pinned with its parent.");
                }
                else
                {
                    child = _children.CompileChild(path, pathScalar);
                }
            }

            inputs = map["inputs"] is { } inputsNode and not ScalarNode { IsNull: true } ? BuildValue(inputsNode, handle) : null;
            if (child is not null)
            {
                CheckChildInputs(child, map);
            }
        }

        return StepFactory.WorkflowCall(fields, path ?? string.Empty, child ?? StepFactory.MissingChild(), inputs);
    }

    /// <summary>
    /// Checks the inputs a call gives its child against the child's input schema, as the run will (defaults applied):
    /// literal values now, templates once rendered (see <see cref="TemplateErrors"/>).
    /// </summary>
    private void CheckChildInputs(WorkflowDefinition child, MappingNode call)
    {
        var entry = call.Find("inputs");
        var given = entry?.Value is ScalarNode { IsNull: true } ? null : entry?.Value;
        if (child.InputSchema is null || given is not (null or MappingNode) || !SchemaValidation.TryLoad(child.InputSchema, out var schema, out _))
        {
            return;
        }

        var data = InputValidator.ApplyDefaults(child, given?.ToJson() as JsonObject ?? []);
        var errors = SchemaValidation.Validate(schema, data);
        foreach (var error in given is null ? errors : TemplateErrors.Standing(errors, given))
        {
            var field = JsonPaths.Display(error.Path);
            var message = error.IsUnknownMember && error.Path.Count == 1 && !error.AboutName
                ? $"is not an input it accepts"
                : SchemaMessages.Describe(error, JsonPaths.Find(data, error.Path));
            _diagnostics.Error(
                DiagnosticCodes.ChildInputsInvalid,
                given is null ? entry?.Key.Location ?? call.Location : YamlPath.LocationOf(given, error.Path, error.IsUnknownMember),
                $"'inputs{(field.Length == 0 || field.StartsWith('[') ? string.Empty : ".")}{field}' {message} (the input schema of child workflow '{child.Name}').");
        }
    }

    private FailStep BindFail(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        if (node is ScalarNode { IsString: true } message)
        {
            return StepFactory.Fail(fields, TemplateOf(message, handle), FailStep.DefaultCode);
        }

        Template? text = null;
        var code = FailStep.DefaultCode;
        if (Mapping(node, "fail", "a message, or a mapping with 'message' and 'code'") is { } map)
        {
            CheckKeys(map, LanguageSpec.Fail);
            text = map["message"] is { } messageNode ? TemplateValue(messageNode, "message", handle) : null;
            if (map["code"] is { } codeNode && Text(codeNode, "code") is { } codeText)
            {
                if (!Regexes.ErrorCode().IsMatch(codeText))
                {
                    _diagnostics.Error(DiagnosticCodes.InvalidName, codeNode.Location, $"'{codeText}' is not a valid error code; use letters, digits, '_', '.' and '-', such as data.missing.");
                }

                code = codeText;
            }
        }

        return StepFactory.Fail(fields, text ?? Template.Parse(string.Empty), code);
    }
}
