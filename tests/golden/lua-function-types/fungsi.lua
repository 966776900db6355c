-- functions of the plan that give text and true/false
return {
    kategori = function(x)
        if x >= 90 then return "tinggi" end
        if x >= 70 then return "sedang" end
        return "rendah"
    end,
    tercapai = function(capaian, batas) return capaian >= batas end,
    skor = function(ok, k)
        if type(ok) ~= "boolean" or type(k) ~= "string" then error("skor(" .. type(ok) .. ", " .. type(k) .. ")") end
        return (ok and 10 or 0) + (k == "tinggi" and 5 or 0)
    end,
    salah_teks = function(x) return x end,              -- declared text, gives a number
    salah_bool = function(x) return "ya" end,           -- declared bool, gives a string
}
