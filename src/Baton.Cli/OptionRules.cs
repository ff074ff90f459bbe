using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Baton.Definitions.Compiler.Binding;

namespace Baton.Cli;

/// <summary>
/// Checks on option and argument values that run while the command line is parsed, so that a bad value is a usage
/// error (exit 2, one line naming the option) before any store is opened.
/// </summary>
internal static class OptionRules
{
    public static Option<int> Between(this Option<int> option, int min, int max)
    {
        option.CustomParser = result => ParseBetween(result, option.Name, min, max) ?? 0;
        return option;
    }

    public static Option<int?> Between(this Option<int?> option, int min, int max)
    {
        option.CustomParser = result => ParseBetween(result, option.Name, min, max);
        return option;
    }

    /// <summary>An option that, when given, needs a value that is not empty or blank.</summary>
    public static Option<string?> NotBlank(this Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError($"{option.Name} needs a value; it is empty.");
            }
        });
        return option;
    }

    public static Option<string[]> NotBlank(this Option<string[]> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>()?.Any(string.IsNullOrWhiteSpace) == true)
            {
                result.AddError($"{option.Name} needs a value; one is empty.");
            }
        });
        return option;
    }

    public static Argument<string> NotBlank(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"The {argument.Name.ToUpperInvariant()} argument is empty; give a value.");
            }
        });
        return argument;
    }

    public static Argument<string[]> NotBlank(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string[]>()?.Any(string.IsNullOrWhiteSpace) == true)
            {
                result.AddError($"One of the {argument.Name.ToUpperInvariant()} arguments is empty; give a value.");
            }
        });
        return argument;
    }

    /// <summary>An event name, checked by the same rule as the names a workflow's <c>wait</c> listens for.</summary>
    public static Argument<string> EventName(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(name))
            {
                result.AddError("The EVENT argument is empty; give the event's name, as a workflow's 'wait' names it.");
            }
            else if (!Regexes.EventName().IsMatch(name))
            {
                result.AddError($"'{name}' is not a valid event name: use letters, digits, '_', '.', ':' and '-', starting with a letter, digit or '_' (as in a workflow's 'wait').");
            }
        });
        return argument;
    }

    /// <summary>A whole number within the range; otherwise an error that names the option, the value and the range.</summary>
    private static int? ParseBetween(ArgumentResult result, string name, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"{name} must be a whole number from {Format(min)} to {Format(max)}, not '{text}'.");
            return null;
        }

        if (value < min || value > max)
        {
            result.AddError($"{name} is {value}; it must be between {Format(min)} and {Format(max)}.");
            return null;
        }

        return value;
    }

    private static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
