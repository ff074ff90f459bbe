// A small MCP server over stdio that the AI tests start as a real process. Filled in with the MCP tool tests.
return 0;
