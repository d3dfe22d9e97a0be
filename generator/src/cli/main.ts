console.log("gatehouse: not implemented yet"); process.exit(2)
