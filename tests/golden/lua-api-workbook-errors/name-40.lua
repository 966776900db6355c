-- Excel allows sheet names of at most 31 characters
return { render = function()
    sakip.workbook():sheet("Capaian kinerja per unit dan per indikator")
end }
