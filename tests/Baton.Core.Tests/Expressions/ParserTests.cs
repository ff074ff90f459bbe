namespace Baton.Core.Tests.Expressions;

public class ParserTests
{
    [Theory]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("a * b + c", "(+ (* a b) c)")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a / b % c", "(% (/ a b) c)")]
    [InlineData("(a + b) * c", "(* (+ a b) c)")]
    [InlineData("a < b + c", "(< a (+ b c))")]
    [InlineData("a == b < c", "(== a (< b c))")]
    [InlineData("a != b == c", "(== (!= a b) c)")]
    [InlineData("a <= b && c >= d", "(&& (<= a b) (>= c d))")]
    [InlineData("a > b", "(> a b)")]
    [InlineData("a || b && c", "(|| a (&& b c))")]
    [InlineData("a && b || c", "(|| (&& a b) c)")]
    [InlineData("a ?? b || c", "(?? a (|| b c))")]
    [InlineData("a ?? b ?? c", "(?? (?? a b) c)")]
    [InlineData("a ? b : c ?? d", "(? a b (?? c d))")]
    [InlineData("a ? b : c ? d : e", "(? a b (? c d e))")]
    [InlineData("a ? b ? c : d : e", "(? a (? b c d) e)")]
    [InlineData("!a.b", "(! (. a b))")]
    [InlineData("!!a", "(! (! a))")]
    [InlineData("-a * b", "(* (neg a) b)")]
    [InlineData("-a.b", "(neg (. a b))")]
    [InlineData("!a == b", "(== (! a) b)")]
    [InlineData("len(a)[0].b", "(. ([] (len a) 0) b)")]
    public void Parse_Operators_FollowPrecedence(string expression, string tree)
    {
        AstPrinter.Parse(expression).Should().Be(tree);
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("42", "42")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("2e3", "2000")]
    [InlineData("1.5E-3", "0.0015")]
    [InlineData("1e+2", "100")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("'text'", "\"text\"")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("'it''s'", "\"it's\"")]
    [InlineData("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\"")]
    [InlineData("\"a\\\\b\"", "\"a\\\\b\"")]
    [InlineData("'C:\\dir'", "\"C:\\\\dir\"")]
    [InlineData("''", "\"\"")]
    [InlineData("'é ${{'", "\"é ${{\"")]
    public void Parse_Literals_ReadTheirValue(string expression, string tree)
    {
        AstPrinter.Parse(expression).Should().Be(tree);
    }

    [Theory]
    [InlineData("[1, 'a', [true]]", "[1 \"a\" [true]]")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    [InlineData("{ name: 'a', \"full name\": inputs.name }", "{name: \"a\", full name: (. inputs name)}")]
    [InlineData("{ null: 1, 'if': [] }", "{null: 1, if: []}")]
    public void Parse_ListsAndMappings_KeepTheirItems(string expression, string tree)
    {
        AstPrinter.Parse(expression).Should().Be(tree);
    }

    [Theory]
    [InlineData("inputs.client", "(. inputs client)")]
    [InlineData("inputs['odd key']", "(. inputs odd key)")]
    [InlineData("items[0]", "([] items 0)")]
    [InlineData("items[-1]", "([] items -1)")]
    [InlineData("items[len(items) - 1]", "([] items (- (len items) 1))")]
    [InlineData("inputs.docs.*.path", "(* (. inputs docs) (. @ path))")]
    [InlineData("inputs.docs.*", "(* (. inputs docs) @)")]
    [InlineData("a.*.b.*.c", "(* a (* (. @ b) (. @ c)))")]
    [InlineData("a.*.b[0]", "(* a ([] (. @ b) 0))")]
    [InlineData("inputs.true", "(. inputs true)")]
    public void Parse_MemberAccess_BuildsChains(string expression, string tree)
    {
        AstPrinter.Parse(expression).Should().Be(tree);
    }

    [Theory]
    [InlineData("steps.ads-cache.output", "(. (. steps ads-cache) output)")]
    [InlineData("a-b", "a-b")]
    [InlineData("a--b", "a--b")]
    [InlineData("a-1", "a-1")]
    [InlineData("a - b", "(- a b)")]
    [InlineData("a- b", "(- a b)")]
    [InlineData("a -1", "(- a 1)")]
    [InlineData("a-(b)", "(- a b)")]
    public void Parse_Hyphens_BelongToNamesUnlessSpaced(string expression, string tree)
    {
        AstPrinter.Parse(expression).Should().Be(tree);
    }

    [Theory]
    [InlineData("len(a)", "(len a)")]
    [InlineData("now()", "(now)")]
    [InlineData("format('{0}-{1}', a, b)", "(format \"{0}-{1}\" a b)")]
    [InlineData("join(split(a, ','), ';')", "(join (split a \",\") \";\")")]
    public void Parse_Calls_KeepTheirArguments(string expression, string tree)
    {
        AstPrinter.Parse(expression).Should().Be(tree);
    }

    [Fact]
    public void Parse_NestingOf64_IsAccepted()
    {
        var expression = new string('(', 63) + "1" + new string(')', 63);

        AstPrinter.Parse(expression).Should().Be("1");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(10_000)]
    public void Parse_DeepNesting_IsAnErrorNotACrash(int depth)
    {
        var expression = new string('(', depth) + "1" + new string(')', depth);

        var error = Expr.SingleError(Baton.Expressions.Template.ParseExpression(expression));

        error.Message.Should().Contain("nested more than 64 levels");
        error.Offset.Should().Be(64);
    }

    [Fact]
    public void Parse_DeepUnaryChain_IsAnErrorNotACrash()
    {
        var error = Expr.SingleError(Baton.Expressions.Template.ParseExpression(new string('!', 5000) + "a"));

        error.Message.Should().Contain("nested more than 64 levels");
    }

    [Fact]
    public void Parse_LongProjectionChain_IsAnErrorNotACrash()
    {
        var expression = "a" + string.Concat(Enumerable.Repeat(".*", 20_000));

        Expr.SingleError(Baton.Expressions.Template.ParseExpression(expression)).Message.Should().Contain("nested more than 64 levels");
    }

    [Fact]
    public void Parse_LongMemberChain_IsAnErrorNotACrash()
    {
        var expression = "a" + string.Concat(Enumerable.Repeat(".b[0]", 5_000));

        Expr.SingleError(Baton.Expressions.Template.ParseExpression(expression)).Message.Should().Contain("chains more than 256 operations");
    }

    [Fact]
    public void Parse_LongOperatorChain_IsAnError()
    {
        var expression = string.Join(" + ", Enumerable.Repeat("1", 1000));

        var error = Expr.SingleError(Baton.Expressions.Template.ParseExpression(expression));

        error.Message.Should().Contain("chains more than 256 operations");
    }

    [Fact]
    public void Parse_ManyListItems_AreNotNesting()
    {
        var expression = "[" + string.Join(", ", Enumerable.Range(0, 2000)) + "]";

        Expr.Json(expression).Should().StartWith("[0,1,2,").And.EndWith(",1999]");
    }
}
