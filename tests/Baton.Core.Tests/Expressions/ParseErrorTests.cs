using Baton.Expressions;

namespace Baton.Core.Tests.Expressions;

public class ParseErrorTests
{
    [Fact]
    public void Parse_UnknownFunction_SuggestsTheClosestName()
    {
        var error = Expr.SingleError(Template.Parse("${{ lenght(x) }}"));

        error.Should().Be(new ExpressionError("Unknown function 'lenght'. Did you mean 'len'?", 4, 6));
    }

    [Fact]
    public void Parse_FunctionInWrongCase_SuggestsTheRightCase()
    {
        Expr.SingleError(Template.ParseExpression("ToJson(x)")).Message.Should().Be("Unknown function 'ToJson'. Did you mean 'toJson'?");
    }

    [Fact]
    public void Parse_UnknownFunctionFarFromAny_HasNoSuggestion()
    {
        Expr.SingleError(Template.ParseExpression("frobnicate(x)")).Message
            .Should().Be("Unknown function 'frobnicate'. See the list of functions in the language reference.");
    }

    [Theory]
    [InlineData("len(a, b)", "Function 'len' takes 1 argument, but was given 2.")]
    [InlineData("len()", "Function 'len' takes 1 argument, but was given 0.")]
    [InlineData("now(1)", "Function 'now' takes no arguments, but was given 1.")]
    [InlineData("join()", "Function 'join' takes 1 or 2 arguments, but was given 0.")]
    [InlineData("replace(a, b)", "Function 'replace' takes 3 arguments, but was given 2.")]
    [InlineData("format()", "Function 'format' takes at least 1 argument, but was given 0.")]
    public void Parse_WrongArgumentCount_NamesTheFunctionAndItsArity(string expression, string message)
    {
        var error = Expr.SingleError(Template.ParseExpression(expression));

        error.Message.Should().Be(message);
        error.Offset.Should().Be(0);
        error.Length.Should().Be(expression.Length);
    }

    [Fact]
    public void Parse_UnclosedTemplate_PointsAtTheOpening()
    {
        var error = Expr.SingleError(Template.Parse("Hello ${{ inputs.name"));

        error.Should().Be(new ExpressionError("The expression '${{ inputs.name' is not closed: end it with '}}'.", 6, 3));
    }

    [Fact]
    public void Parse_UnclosedWithStrayCharacter_ReportsTheUnclosedTemplate()
    {
        Expr.SingleError(Template.Parse("${{ a # b")).Should().Be(new ExpressionError("The expression '${{ a # b' is not closed: end it with '}}'.", 0, 3));
    }

    [Fact]
    public void Parse_UnclosedMapping_LeavesTheTemplateUnclosed()
    {
        var error = Expr.SingleError(Template.Parse("${{ {a: 1 }}"));

        error.Offset.Should().Be(0);
        error.Message.Should().Contain("is not closed");
    }

    [Fact]
    public void Parse_UnclosedString_PointsAtTheString()
    {
        var error = Expr.SingleError(Template.Parse("x ${{ 'abc }}"));

        error.Offset.Should().Be(6);
        error.Message.Should().Be("The string 'abc }} is not closed: end it with '.");
    }

    [Theory]
    [InlineData("${{ a + }}", 8, 2, "Expected a value, but the expression ends here.")]
    [InlineData("${{ a b }}", 6, 1, "Unexpected 'b' after the end of the expression. Is an operator or a comma missing?")]
    [InlineData("${{ a # b }}", 6, 1, "Unexpected character '#' in the expression.")]
    [InlineData("${{ a = b }}", 6, 1, "Unexpected '='. Use '==' to compare two values.")]
    [InlineData("${{ a & b }}", 6, 1, "Unexpected '&'. Use '&&' for 'and'.")]
    [InlineData("${{ a | b }}", 6, 1, "Unexpected '|'. Use '||' for 'or'.")]
    [InlineData("${{ a.1 }}", 6, 1, "Expected a member name or '*' after '.', but found '1'.")]
    [InlineData("${{ (a }}", 7, 2, "Expected ')' to close the '(', but the expression ends here.")]
    [InlineData("${{ [1 2] }}", 7, 1, "Expected ',' or ']' in the list, but found '2'.")]
    [InlineData("${{ a[1 }}", 8, 2, "Expected ']' to close the index, but the expression ends here.")]
    [InlineData("${{ {a 1} }}", 7, 1, "Expected ':' after the key 'a', but found '1'.")]
    [InlineData("${{ {1: 2} }}", 5, 1, "Expected a key (a name or a quoted string), but found '1'.")]
    [InlineData("${{ {a: 1, a: 2} }}", 11, 1, "The key 'a' appears twice in the mapping.")]
    [InlineData("${{ a ? b }}", 10, 2, "Expected ':' between the two branches of '?', but the expression ends here.")]
    [InlineData("${{ 1e }}", 4, 2, "Invalid number '1e'.")]
    [InlineData("${{ 12abc }}", 4, 5, "Invalid number '12abc'.")]
    [InlineData("${{ 1e999 }}", 4, 5, "The number '1e999' is too large.")]
    [InlineData("${{ len(a b) }}", 10, 1, "Expected ',' or ')' in the call of 'len', but found 'b'.")]
    [InlineData("${{ é }}", 4, 1, "Unexpected character 'é' in the expression.")]
    [InlineData("${{ ) }}", 4, 1, "Expected a value, but found ')'.")]
    public void Parse_SyntaxError_ReportsMessageAndOffset(string template, int offset, int length, string message)
    {
        Expr.SingleError(Template.Parse(template)).Should().Be(new ExpressionError(message, offset, length));
    }

    [Fact]
    public void Parse_EmptyExpression_IsAnError()
    {
        Expr.SingleError(Template.Parse("a ${{  }} b")).Should().Be(
            new ExpressionError("The expression is empty: write a value or a name, such as 'inputs.name'.", 2, 7));
    }

    [Fact]
    public void Parse_SeveralBadExpressions_ReportsEachOne()
    {
        var template = Template.Parse("${{ a + }} and ${{ b c }} and ${{ ok }}");

        template.Errors.Select(e => e.Offset).Should().Equal(8, 21);
    }

    [Fact]
    public void Parse_InvalidConstantPattern_IsAnError()
    {
        var error = Expr.SingleError(Template.ParseExpression("matches(x, '[a-')"));

        error.Offset.Should().Be(11);
        error.Length.Should().Be(5);
        error.Message.Should().StartWith("The pattern of 'matches' is not a valid regular expression:");
    }

    [Fact]
    public void ParseExpression_ErrorOffsets_AreInTheBareText()
    {
        Expr.SingleError(Template.ParseExpression("a + ")).Should().Be(new ExpressionError("Expected a value, but the expression ends here.", 4, 0));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseExpression_Empty_IsAnError(string expression)
    {
        Expr.SingleError(Template.ParseExpression(expression)).Message.Should().StartWith("The expression is empty");
    }

    [Fact]
    public void ParseExpression_TemplateSyntax_IsAnError()
    {
        Expr.SingleError(Template.ParseExpression("${{ a }}")).Message.Should().Be("Unexpected character '$' in the expression.");
    }

    [Fact]
    public void Parse_TextLongerThan64KiB_IsAnError()
    {
        var text = new string('a', 64 * 1024 + 1);

        Expr.SingleError(Template.Parse(text)).Message.Should().Contain("limited to 65536");
        Expr.SingleError(Template.ParseExpression(text)).Message.Should().Contain("limited to 65536");
    }

    [Fact]
    public void Evaluate_TemplateWithErrors_ThrowsExpressionException()
    {
        var template = Template.Parse("${{ a + }}");

        var act = () => template.Evaluate(new TestExpressionContext());

        act.Should().Throw<ExpressionException>().WithMessage("*cannot be evaluated: Expected a value*");
    }
}
