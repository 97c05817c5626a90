// placeholder
console.log(1);
