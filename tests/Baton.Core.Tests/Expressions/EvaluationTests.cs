namespace Baton.Core.Tests.Expressions;

public class EvaluationTests
{
    private const string Data = """
        {
          "inputs": { "name": "Ada", "count": 3, "zero": 0, "empty": "", "list": [1, 2, 3], "map": { "k": "v" },
                      "docs": [ { "path": "a.txt" }, { "path": "b.txt" }, { "other": 1 } ], "flag": false, "nothing": null },
          "vars": { "odd key": 7 }
        }
        """;

    [Theory]
    [InlineData("false", false)]
    [InlineData("null", false)]
    [InlineData("0", false)]
    [InlineData("''", false)]
    [InlineData("inputs.zero", false)]
    [InlineData("inputs.empty", false)]
    [InlineData("inputs.flag", false)]
    [InlineData("inputs.nothing", false)]
    [InlineData("inputs.missing", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("-0.5", true)]
    [InlineData("'false'", true)]
    [InlineData("' '", true)]
    [InlineData("[]", true)]
    [InlineData("{}", true)]
    [InlineData("inputs.name", true)]
    [InlineData("inputs.list", true)]
    public void Evaluate_Not_UsesTruthiness(string operand, bool truthy)
    {
        Expr.Json($"!({operand})", Data).Should().Be(truthy ? "false" : "true");
        Expr.Json($"bool({operand})", Data).Should().Be(truthy ? "true" : "false");
    }

    [Theory]
    [InlineData("1 == 1.0", true)]
    [InlineData("inputs.count == 3", true)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' == 'A'", false)]
    [InlineData("'1' == 1", false)]
    [InlineData("null == null", true)]
    [InlineData("inputs.missing == null", true)]
    [InlineData("0 == false", false)]
    [InlineData("'' == null", false)]
    [InlineData("[1, [2]] == [1, [2]]", true)]
    [InlineData("[1, 2] == [2, 1]", false)]
    [InlineData("{ a: 1, b: [2] } == { b: [2], a: 1 }", true)]
    [InlineData("{ a: 1 } == { a: 1, b: 2 }", false)]
    [InlineData("inputs.map == { k: 'v' }", true)]
    [InlineData("inputs.list == [1, 2, 3]", true)]
    [InlineData("inputs.name != 'Ada'", false)]
    [InlineData("1 != 2", true)]
    public void Evaluate_Equality_IsDeep(string expression, bool expected)
    {
        Expr.Json(expression, Data).Should().Be(expected ? "true" : "false");
    }

    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > inputs.count", false)]
    [InlineData("3 >= inputs.count", true)]
    [InlineData("'a' < 'b'", true)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("'abc' > 'ab'", true)]
    public void Evaluate_Ordering_ComparesNumbersOrStrings(string expression, bool expected)
    {
        Expr.Json(expression, Data).Should().Be(expected ? "true" : "false");
    }

    [Theory]
    [InlineData("inputs.name < 3", "Cannot compare a string with a number in 'inputs.name < 3'.")]
    [InlineData("null < 1", "Cannot compare null with a number in 'null < 1'.")]
    [InlineData("[1] >= [0]", "Cannot compare a list with a list in '[1] >= [0]'.")]
    [InlineData("true > false", "Cannot compare a boolean with a boolean in 'true > false'.")]
    public void Evaluate_OrderingOtherKinds_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("inputs.missing", "null")]
    [InlineData("inputs.missing.deeper.still", "null")]
    [InlineData("inputs.nothing.x", "null")]
    [InlineData("inputs.name.x", "null")]
    [InlineData("inputs.list.x", "null")]
    [InlineData("inputs.list[3]", "null")]
    [InlineData("inputs.list[-4]", "null")]
    [InlineData("inputs.list[-1]", "3")]
    [InlineData("inputs.list[0]", "1")]
    [InlineData("inputs.list[1.5]", "null")]
    [InlineData("inputs.list['0']", "null")]
    [InlineData("inputs.map[0]", "null")]
    [InlineData("inputs.map['k']", "\"v\"")]
    [InlineData("inputs['map'].k", "\"v\"")]
    [InlineData("inputs.nothing[0]", "null")]
    [InlineData("inputs.list[null]", "null")]
    [InlineData("vars['odd key']", "7")]
    [InlineData("inputs.list[inputs.count - 1]", "3")]
    public void Evaluate_MemberAccess_IsNullSafe(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Evaluate_IndexOfWrongKind_Fails()
    {
        Expr.Fails("inputs.list[[0]]", Data).Message.Should().Be("An index must be a number or a string, not a list in 'inputs.list[[0]]'.");
    }

    [Theory]
    [InlineData("inputs.docs.*.path", "[\"a.txt\",\"b.txt\",null]")]
    [InlineData("inputs.docs.*", "[{\"path\":\"a.txt\"},{\"path\":\"b.txt\"},{\"other\":1}]")]
    [InlineData("inputs.map.*", "[\"v\"]")]
    [InlineData("inputs.missing.*.path", "null")]
    [InlineData("[[1, 2], [3]].*[0]", "[1,3]")]
    [InlineData("[{ a: [{ b: 1 }, { b: 2 }] }].*.a.*.b", "[[1,2]]")]
    public void Evaluate_Projection_MapsTheRestOfTheChain(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("10 - 2 - 3", "5")]
    [InlineData("-inputs.count", "-3")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'a' + 1", "\"a1\"")]
    [InlineData("1 + 'a'", "\"1a\"")]
    [InlineData("'n=' + null", "\"n=\"")]
    [InlineData("'x' + true + [1]", "\"xtrue[1]\"")]
    [InlineData("[1] + [2, [3]]", "[1,2,[3]]")]
    [InlineData("inputs.list + inputs.list", "[1,2,3,1,2,3]")]
    [InlineData("(inputs.missing ?? 0) + 1", "1")]
    public void Evaluate_Arithmetic_Computes(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Theory]
    [InlineData("1 / 0", "Division by zero in '1 / 0'.")]
    [InlineData("1 % (2 - 2)", "Division by zero in '1 % (2 - 2)'.")]
    [InlineData("null + 1", "'+' needs two numbers, not null and a number in 'null + 1'.")]
    [InlineData("[1] + 1", "'+' needs two numbers, not a list and a number in '[1] + 1'.")]
    [InlineData("'a' - 1", "'-' needs two numbers, not a string and a number in ''a' - 1'.")]
    [InlineData("{} * 2", "'*' needs two numbers, not a mapping and a number in '{} * 2'.")]
    [InlineData("-'a'", "'-' needs a number, not a string in '-'a''.")]
    [InlineData("1e308 * 10", "The result of '*' is not a finite number in '1e308 * 10'.")]
    public void Evaluate_ArithmeticError_Fails(string expression, string message)
    {
        Expr.Fails(expression, Data).Message.Should().Be(message);
    }

    [Theory]
    [InlineData("inputs.name && inputs.count", "3")]
    [InlineData("inputs.zero && inputs.count", "0")]
    [InlineData("inputs.empty || 'default'", "\"default\"")]
    [InlineData("inputs.name || 'default'", "\"Ada\"")]
    [InlineData("inputs.missing || inputs.nothing", "null")]
    [InlineData("inputs.zero ?? 5", "0")]
    [InlineData("inputs.missing ?? 5", "5")]
    [InlineData("inputs.count > 2 ? 'high' : 'normal'", "\"high\"")]
    [InlineData("inputs.flag ? 'high' : 'normal'", "\"normal\"")]
    [InlineData("false && 1 / 0", "false")]
    [InlineData("true || 1 / 0", "true")]
    [InlineData("1 ?? 1 / 0", "1")]
    [InlineData("true ? 1 : 1 / 0", "1")]
    public void Evaluate_Logic_ReturnsOperandsAndShortCircuits(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }

    [Fact]
    public void Evaluate_UnknownName_Fails()
    {
        Expr.Fails("foo.bar", Data).Message.Should().Be("Unknown name 'foo' in 'foo.bar'.");
    }

    [Fact]
    public void Evaluate_LongExpressionInMessage_IsShortened()
    {
        var expression = "nope + " + string.Join(" + ", Enumerable.Repeat("1", 100));

        Expr.Fails(expression, Data).Message.Should().StartWith("Unknown name 'nope' in 'nope + 1 + 1").And.EndWith("...'.");
    }

    [Theory]
    [InlineData("[inputs.name, 1 + 1, [null]]", "[\"Ada\",2,[null]]")]
    [InlineData("{ name: inputs.name, 'full name': 'A ' + inputs.name, nested: { l: inputs.list } }",
        "{\"name\":\"Ada\",\"full name\":\"A Ada\",\"nested\":{\"l\":[1,2,3]}}")]
    public void Evaluate_ListsAndMappings_BuildNewValues(string expression, string json)
    {
        Expr.Json(expression, Data).Should().Be(json);
    }
}
